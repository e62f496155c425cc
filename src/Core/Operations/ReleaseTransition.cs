using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Operations;

/// <summary>The part upgrade and rollback share: lock, plan against the current revision, apply, prune, wait, record.</summary>
internal static class ReleaseTransition
{
    public static async Task<OperationResult> RunAsync(
        OperationContext context, string verb, ReleaseRecord record, IReadOnlyList<StoredRelease> history, IReadOnlyList<Manifest> desired,
        IReadOnlyList<ManifestDocument> desiredDocuments, ReleaseRecord current, OperationOptions options, IProgress<OperationEvent>? progress, CancellationToken cancellationToken)
    {
        var store = context.Store;
        var operation = options.Operation(verb);
        // Planning only reads and dry-runs, so it runs while the lock is written; its result is used only once the lock
        // is held. Taking the lock creates the next revision, which fails if any other operation recorded one since the
        // history was read, so the plan cannot be older than the last operation it has to follow.
        var acquiring = store.AcquireAsync(record, history, operation, cancellationToken);
        var planning = PlanAsync(context, record, history, desired, desiredDocuments, current, options, cancellationToken);
        try
        {
            await acquiring;
        }
        catch
        {
            // No request outlives the operation: the plan's reads finish (their answer is dropped) before the error is reported.
            await ((Task)planning).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        context.Trace?.Mark("pending record (lock)");
        progress?.Report(new ReleaseRecorded(context.Now, record.Version, record.Status, record.Info.Description ?? string.Empty));

        var applier = context.Applier(progress);
        Plan? plan = null;
        try
        {
            plan = await planning;
            context.Trace?.Mark("plan");
            OperationContext.EnsureAllowed(plan, options);
            await applier.ApplyAsync(plan, options, cancellationToken);
            context.Trace?.Mark("apply");
            var removals = plan.Objects.Where(o => o.Action == PlanAction.Remove).Select(o => (o.Key, o.Kept)).ToList();
            if (removals.Count > 0)
            {
                await applier.PruneAsync(removals, options, cancellationToken);
            }

            var health = options.Wait ? await applier.WaitAsync([.. desired.Select(d => d.Key)], options.Timeout, options.PollInterval, cancellationToken) : [];
            var done = verb == "rollback" ? $"Rollback to {RollbackTarget(record)}" : "Upgrade complete";
            // The old revision becomes superseded while the new one becomes deployed: two independent writes.
            var superseded = context.SupersedeOthersAsync(history, record.Version, operation, cancellationToken);
            var deployed = context.RecordAsync(record, ReleaseStatus.Deployed, OperationContext.Describe(done, options), operation, progress, cancellationToken);
            await Task.WhenAll(superseded, deployed);
            record = await deployed;
            context.Trace?.Mark("superseded and deployed records");
            await store.PruneAsync(record.Name, record.Namespace, options.MaxHistory, KnownHistory(history, record), cancellationToken);
            context.Trace?.Mark("history limit");
            var message = plan.HasChanges
                ? $"release '{record.Name}' {(verb == "rollback" ? "rolled back" : "upgraded")} (revision {record.Version}): {plan.Summary}"
                : $"release '{record.Name}' unchanged (revision {record.Version} recorded)";
            progress?.Report(new OperationFinished(context.Now, true, message));
            return new OperationResult(verb, record.Name, record.Namespace, true, message) { Record = record, Plan = plan, Health = health };
        }
        catch (Exception ex)
        {
            // Whatever went wrong (cancellation too), the pending revision must not stay the lock.
            var message = OperationContext.Reason(ex);
            var title = verb == "rollback" ? "Rollback" : "Upgrade";
            record = await context.RecordFailureAsync(record, $"{title} \"{record.Name}\" failed: {message}", operation, progress, ex);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            var rolledBack = false;
            if (options.Atomic && verb != "rollback" && current.Status == ReleaseStatus.Deployed)
            {
                var undo = await new RollbackOperation(context).RunAsync(record.Name, record.Namespace, current.Version, options with { Atomic = false }, progress, CancellationToken.None);
                rolledBack = undo.Succeeded;
                message += undo.Succeeded
                    ? $"; --atomic: rolled back to revision {current.Version} (revision {undo.Record?.Version})"
                    : $"; --atomic rollback failed too: {undo.Message}";
            }

            progress?.Report(new OperationFinished(context.Now, false, message));
            return new OperationResult(verb, record.Name, record.Namespace, false, message) { Record = record, Plan = plan, RolledBack = rolledBack };
        }
    }

    // What the current revision and any later (failed) attempts applied (a failed upgrade's new objects are pruned
    // too), then the plan against the cluster.
    private static async Task<Plan> PlanAsync(
        OperationContext context, ReleaseRecord record, IReadOnlyList<StoredRelease> history, IReadOnlyList<Manifest> desired,
        IReadOnlyList<ManifestDocument> desiredDocuments, ReleaseRecord current, OperationOptions options, CancellationToken cancellationToken)
    {
        var revisions = history.Select(h => h.Record).Where(r => r.Version >= current.Version && r.Version != record.Version).ToList();
        var previous = await context.PreviousObjectsAsync(revisions, desired, desiredDocuments, cancellationToken);
        var wanted = desired.Select(m => Planner.Identity(m.Key)).ToHashSet();
        // What the record says we applied exactly so, and the cluster still shows, needs no dry-run.
        return await new Planner(context.Cluster).PlanAsync(
            record.Name, record.Namespace, desired, previous.Changed,
            options.PlanOptions,
            new PlanHints
            {
                Recorded = options.ForceConflicts || options.Adopt ? null : previous.Recorded,
                // Objects the record shows changed will need their dry-run: it goes out with their read.
                ExpectedOwned = previous.Changed.Select(m => Planner.Identity(m.Key)).Where(wanted.Contains).ToHashSet(),
            },
            cancellationToken);
    }

    /// <summary>The history as it stands after this operation: what was read at the start, this revision now deployed, the others no longer.</summary>
    internal static IReadOnlyList<(int Version, ReleaseStatus Status)> KnownHistory(IReadOnlyList<StoredRelease> history, ReleaseRecord record) =>
        [.. history.Where(h => h.Record.Version != record.Version)
            .Select(h => (h.Record.Version, h.Record.Status == ReleaseStatus.Deployed ? ReleaseStatus.Superseded : h.Record.Status))
            .Append((record.Version, record.Status))];

    private static string RollbackTarget(ReleaseRecord record) =>
        record.Info.Description is { } d && d.StartsWith("Rollback to ", StringComparison.Ordinal) ? d["Rollback to ".Length..].Split(' ')[0] : "?";
}
