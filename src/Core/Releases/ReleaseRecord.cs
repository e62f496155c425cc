using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RunnerConsole.Core.Releases;

/// <summary>
/// One revision of a release, field for field as Helm 4 stores it (<c>pkg/release/v1.Release</c>).
/// Fields this type does not model (a chart's <c>files</c>, <c>lock</c>, <c>schema</c>…) are kept in
/// <see cref="Extra"/> so a release written by helm survives a read-modify-write unchanged.
/// </summary>
public sealed record ReleaseRecord
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("info")]
    public required ReleaseInfo Info { get; init; }

    [JsonPropertyName("chart")]
    public required ChartRecord Chart { get; init; }

    /// <summary>The user's values (Helm's <c>config</c>): only what was set, not the chart defaults.</summary>
    [JsonPropertyName("config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Config { get; init; }

    /// <summary>All rendered documents, joined by <see cref="HelmManifest.Join"/>.</summary>
    [JsonPropertyName("manifest")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Manifest { get; init; }

    [JsonPropertyName("hooks")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonArray? Hooks { get; init; }

    /// <summary>The revision number, starting at 1.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    [JsonPropertyName("namespace")]
    public required string Namespace { get; init; }

    /// <summary><c>ssa</c> for server-side apply (what we do), <c>csa</c> or absent for client-side apply.</summary>
    [JsonPropertyName("apply_method")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApplyMethod { get; init; }

    // Settable, not init-only: compiled JSON metadata (ReleaseJsonContext) fills init-only properties through its
    // constructor path, which cannot carry extension data.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public const string ServerSideApply = "ssa";

    /// <summary>Shortcut to <see cref="ReleaseInfo.Status"/>.</summary>
    [JsonIgnore]
    public ReleaseStatus Status => Info.Status;

    public ReleaseRecord WithStatus(ReleaseStatus status, string description) =>
        this with { Info = Info with { Status = status, Description = description } };
}

/// <summary>Helm's <c>info</c>: times, status and a one-line description of the revision.</summary>
public sealed record ReleaseInfo
{
    [JsonPropertyName("first_deployed")]
    [JsonConverter(typeof(HelmTimeJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FirstDeployed { get; init; }

    [JsonPropertyName("last_deployed")]
    [JsonConverter(typeof(HelmTimeJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LastDeployed { get; init; }

    [JsonPropertyName("deleted")]
    [JsonConverter(typeof(HelmTimeJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Deleted { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonPropertyName("status")]
    public ReleaseStatus Status { get; init; }

    [JsonPropertyName("notes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notes { get; init; }

    // Settable, not init-only: compiled JSON metadata (ReleaseJsonContext) fills init-only properties through its
    // constructor path, which cannot carry extension data.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Helm's <c>chart</c>: metadata (Chart.yaml), templates and default values.</summary>
public sealed record ChartRecord
{
    [JsonPropertyName("metadata")]
    public required ChartMetadata Metadata { get; init; }

    [JsonPropertyName("templates")]
    public IReadOnlyList<ChartFile> Templates { get; init; } = [];

    [JsonPropertyName("values")]
    public JsonObject? Values { get; init; }

    // Settable, not init-only: compiled JSON metadata (ReleaseJsonContext) fills init-only properties through its
    // constructor path, which cannot carry extension data.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Chart.yaml as Helm stores it in a release.</summary>
public sealed record ChartMetadata
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("version")]
    public required string Version { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = "v2";

    [JsonPropertyName("appVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AppVersion { get; init; }

    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; init; }

    // Settable, not init-only: compiled JSON metadata (ReleaseJsonContext) fills init-only properties through its
    // constructor path, which cannot carry extension data.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A chart file: path and raw bytes (serialised as base64, like Go's <c>[]byte</c>).</summary>
public sealed record ChartFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("data")] byte[] Data);
