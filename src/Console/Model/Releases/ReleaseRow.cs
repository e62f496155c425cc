using RunnerConsole.Core.Releases;

namespace RunnerConsole.Model.Releases;

/// <summary>Health of a release as the list shows it; <see cref="Unknown"/> when it could not be checked.</summary>
public enum ReleaseHealth
{
    Unknown,
    Healthy,
    Progressing,
    Unhealthy,
    None,
}

/// <summary>A release's checked health and the readiness summary behind it ("2/3 workloads ready").</summary>
public sealed record ReleaseRowHealth(ReleaseHealth Health, string Detail);

/// <summary>One line of the releases list: what the release record says. Health is checked separately, per row on screen.</summary>
public sealed record ReleaseRow(
    string Context,
    string Namespace,
    string Name,
    int Revision,
    string Version,
    ReleaseStatus Status,
    string? ChangedBy,
    DateTimeOffset? ChangedAt,
    string? NewerVersion)
{
    public bool UpgradeAvailable => NewerVersion is not null;

    public bool IsStuck => Status.IsPending();

    public string Href => ReleaseLinks.Detail(Context, Namespace, Name);

    /// <summary>Identifies the release within its context.</summary>
    public (string Namespace, string Name) Key => (Namespace, Name);
}
