using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Operate;

/// <summary>
/// What is about to be applied: where, to which release, and from what — values (install, upgrade) or a stored
/// revision (rollback). Immutable; <see cref="PendingChange"/> holds the current one for a circuit.
/// </summary>
public sealed record ProposedChange(ChangeKind Kind, string Context, string Namespace, string Release)
{
    /// <summary>The values to render (install and upgrade).</summary>
    public RunnerValues? Values { get; init; }

    /// <summary>The revision to roll back to (rollback).</summary>
    public int? Revision { get; init; }

    /// <summary>The operator's reason, pre-filled on the plan screen (optional).</summary>
    public string? Reason { get; init; }

    /// <summary>The catalog version the values render at (empty means the newest).</summary>
    public string Version => Values?.Version ?? string.Empty;

    public string Title => Kind switch
    {
        ChangeKind.Install => $"Install {Release}",
        ChangeKind.Upgrade => $"Upgrade {Release}",
        ChangeKind.Rollback => $"Roll back {Release} to revision {Revision}",
        ChangeKind.Uninstall => $"Uninstall {Release}",
        _ => $"Recover {Release}",
    };
}
