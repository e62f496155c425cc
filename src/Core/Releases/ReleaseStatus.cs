using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunnerConsole.Core.Releases;

/// <summary>The state of one release revision; serialised with Helm's exact strings.</summary>
[JsonConverter(typeof(ReleaseStatusJsonConverter))]
public enum ReleaseStatus
{
    Unknown,
    Deployed,
    Uninstalled,
    Superseded,
    Failed,
    Uninstalling,
    PendingInstall,
    PendingUpgrade,
    PendingRollback,
}

/// <summary>Conversion between <see cref="ReleaseStatus"/> and the strings Helm stores.</summary>
public static class ReleaseStatuses
{
    public static string ToHelm(this ReleaseStatus status) => status switch
    {
        ReleaseStatus.Deployed => "deployed",
        ReleaseStatus.Uninstalled => "uninstalled",
        ReleaseStatus.Superseded => "superseded",
        ReleaseStatus.Failed => "failed",
        ReleaseStatus.Uninstalling => "uninstalling",
        ReleaseStatus.PendingInstall => "pending-install",
        ReleaseStatus.PendingUpgrade => "pending-upgrade",
        ReleaseStatus.PendingRollback => "pending-rollback",
        _ => "unknown",
    };

    public static ReleaseStatus Parse(string? value) => value switch
    {
        "deployed" => ReleaseStatus.Deployed,
        "uninstalled" => ReleaseStatus.Uninstalled,
        "superseded" => ReleaseStatus.Superseded,
        "failed" => ReleaseStatus.Failed,
        "uninstalling" => ReleaseStatus.Uninstalling,
        "pending-install" => ReleaseStatus.PendingInstall,
        "pending-upgrade" => ReleaseStatus.PendingUpgrade,
        "pending-rollback" => ReleaseStatus.PendingRollback,
        _ => ReleaseStatus.Unknown,
    };

    /// <summary>A pending status marks an operation in progress: it is the release's lock.</summary>
    public static bool IsPending(this ReleaseStatus status) =>
        status is ReleaseStatus.PendingInstall or ReleaseStatus.PendingUpgrade or ReleaseStatus.PendingRollback or ReleaseStatus.Uninstalling;
}

internal sealed class ReleaseStatusJsonConverter : JsonConverter<ReleaseStatus>
{
    public override ReleaseStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReleaseStatuses.Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, ReleaseStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToHelm());
}
