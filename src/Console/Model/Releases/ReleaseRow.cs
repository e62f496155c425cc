using RunnerConsole.Core.Releases;

namespace RunnerConsole.Model.Releases;

/// <summary>Health of a release as the list shows it; <see cref="Unknown"/> until it has been checked.</summary>
public enum ReleaseHealth
{
    Unknown,
    Healthy,
    Progressing,
    Unhealthy,
    None,
}

/// <summary>One line of the releases list.</summary>
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
    public ReleaseHealth Health { get; init; } = ReleaseHealth.Unknown;

    /// <summary>The readiness summary behind <see cref="Health"/> ("2/3 workloads ready").</summary>
    public string? HealthDetail { get; init; }

    public bool UpgradeAvailable => NewerVersion is not null;

    public bool IsStuck => Status.IsPending();

    public string Href => ReleaseLinks.Detail(Context, Namespace, Name);
}
