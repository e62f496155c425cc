namespace RunnerConsole.Model.Operate;

/// <summary>
/// What to run: the change, plus the consent the operator gave on the plan screen and their reason.
/// </summary>
public sealed record OperationStart(ProposedChange Change)
{
    public bool Adopt { get; init; }

    public bool ForceConflicts { get; init; }

    /// <summary>Undo on failure (uninstall a failed install, roll back a failed upgrade).</summary>
    public bool Atomic { get; init; } = true;

    /// <summary>Uninstall only: keep the history so the release can be rolled back to later.</summary>
    public bool KeepHistory { get; init; }

    public string? Reason { get; init; }
}
