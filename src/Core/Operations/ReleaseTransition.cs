using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Operations;

/// <summary>The part upgrade and rollback share: lock, plan against the current revision, apply, prune, wait, record.</summary>
internal static class ReleaseTransition
{
    public static async Task<OperationResult> RunAsync(
        OperationContext context, string verb, ReleaseRecord record, IReadOnlyList<StoredRelease> history, IReadOnlyList<Manifest> desired,
        ReleaseRecord current, OperationOptions options, IProgress<OperationEvent>? progress, CancellationToken cancellationToken)
    {
        var store = context.Store;
        var operation = options.Operation(verb);
        await store.AcquireAsync(record, history, operation, cancellationToken);
        progress?.Report(new ReleaseRecorded(context.Now, record.Version, record.Status, record.Info.Description ?? string.Empty));

        var applier = context.Applier(progress);
        Plan? plan = null;
        try
        {
            // What the current revision and any later (failed) attempts applied: a failed upgrade's new objects are pruned too.
            var previous = new List<Manifest>();
            foreach (var revision in history.Select(h => h.Record).Where(r => r.Version >= current.Version && r.Version != record.Version))
            {
                previous.AddRange(await context.StoredObjectsAsync(revision, cancellationToken));
            }

            plan = await new Planner(context.Cluster).PlanAsync(record.Name, record.Namespace, desired, previous, new PlanOptions { Adopt = options.Adopt, ForceConflicts = options.ForceConflicts, Parallelism = options.Parallelism, FieldManager = options.FieldManager }, cancellationToken);
            OperationContext.EnsureAllowed(plan, options);
            await applier.ApplyAsync(plan, options, cancellationToken);
            var removals = plan.Objects.Where(o => o.Action == PlanAction.Remove).Select(o => (o.Key, o.Kept)).ToList();
            if (removals.Count > 0)
            {
                await applier.PruneAsync(removals, options, cancellationToken);
            }

            var health = options.Wait ? await applier.WaitAsync([.. desired.Select(d => d.Key)], options.Timeout, options.PollInterval, cancellationToken) : [];
            var done = verb == "rollback" ? $"Rollback to {RollbackTarget(record)}" : "Upgrade complete";
            await context.SupersedeOthersAsync(history, record.Version, operation, cancellationToken);
            record = await context.RecordAsync(record, ReleaseStatus.Deployed, OperationContext.Describe(done, options), operation, progress, cancellationToken);
            await store.PruneAsync(record.Name, record.Namespace, options.MaxHistory, cancellationToken);
            var message = plan.HasChanges
                ? $"release '{record.Name}' {(verb == "rollback" ? "rolled back" : "upgraded")} (revision {record.Version}): {plan.Summary}"
                : $"release '{record.Name}' unchanged (revision {record.Version} recorded)";
            progress?.Report(new OperationFinished(context.Now, true, message));
            return new OperationResult(verb, record.Name, record.Namespace, true, message) { Record = record, Plan = plan, Health = health };
        }
        catch (Exception ex) when (ex is OperationFailedException or KubeApiException or TimeoutException)
        {
            var message = ex.Message;
            var title = verb == "rollback" ? "Rollback" : "Upgrade";
            record = await context.RecordAsync(record, ReleaseStatus.Failed, $"{title} \"{record.Name}\" failed: {message}", operation, progress, CancellationToken.None);
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

    private static string RollbackTarget(ReleaseRecord record) =>
        record.Info.Description is { } d && d.StartsWith("Rollback to ", StringComparison.Ordinal) ? d["Rollback to ".Length..].Split(' ')[0] : "?";
}
