using RunnerConsole.Core.Planning;

namespace RunnerConsole.Core.Operations;

/// <summary>How an operation runs; the defaults match Helm's.</summary>
public sealed record OperationOptions
{
    /// <summary>Wait for workloads to become ready before marking the revision deployed.</summary>
    public bool Wait { get; init; } = true;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>On failure, undo: uninstall a failed install, roll back a failed upgrade.</summary>
    public bool Atomic { get; init; }

    /// <summary>Take over existing objects no release owns.</summary>
    public bool Adopt { get; init; }

    /// <summary>Take ownership of fields other field managers own.</summary>
    public bool ForceConflicts { get; init; }

    /// <summary>Who runs the operation (shown in history and in "operation in progress" errors).</summary>
    public string Operator { get; init; } = Environment.UserName;

    /// <summary>Why, in the operator's words (optional).</summary>
    public string? Reason { get; init; }

    public int MaxHistory { get; init; } = Releases.HistoryPruning.DefaultMaxHistory;

    /// <summary>
    /// Server-side apply field manager. <c>runner-console</c> (default) keeps our changes apart from
    /// helm's (manager <c>helm</c>) in managedFields; the price is that a later <c>helm rollback/upgrade</c>
    /// of a changed field conflicts unless run with <c>--force-conflicts</c>. Set <c>helm</c> to act as helm does.
    /// </summary>
    public string FieldManager { get; init; } = Cluster.ApplyOptions.DefaultFieldManager;

    /// <summary>
    /// Requests in flight at once (reads, dry-runs, applies of one phase). A runner has about 40 objects, so each phase
    /// goes out in one round trip; over TLS they share one HTTP/2 connection.
    /// </summary>
    public int Parallelism { get; init; } = 64;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The options planning takes from these (adoption, conflicts, parallelism, field manager).</summary>
    internal PlanOptions PlanOptions => new() { Adopt = Adopt, ForceConflicts = ForceConflicts, Parallelism = Parallelism, FieldManager = FieldManager };

    internal string Operation(string verb) => Reason is null ? $"{verb} by {Operator}" : $"{verb} by {Operator}: {Reason}";
}
