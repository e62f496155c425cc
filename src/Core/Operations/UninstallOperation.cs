using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary>
/// <c>uninstall</c>: marks the latest revision <c>uninstalling</c>, deletes its objects in reverse phase
/// order (keeping those annotated <c>helm.sh/resource-policy: keep</c>), then deletes the history, or
/// with <c>--keep-history</c> marks the revision <c>uninstalled</c>.
/// </summary>
public sealed class UninstallOperation(OperationContext context)
{
    public async Task<OperationResult> RunAsync(string release, string ns, bool keepHistory, OperationOptions options, IProgress<OperationEvent>? progress, CancellationToken cancellationToken)
    {
        var store = context.Store;
        var history = await store.HistoryAsync(release, ns, cancellationToken);
        if (history.Count == 0)
        {
            return new OperationResult("uninstall", release, ns, false, $"release '{release}' not found in namespace '{ns}'");
        }

        var last = history[^1];
        if (last.Record.Status.IsPending() && last.Record.Status != ReleaseStatus.Uninstalling)
        {
            throw ReleaseStore.InProgress(release, last);
        }

        var operation = options.Operation("uninstall");
        if (last.Record.Status == ReleaseStatus.Uninstalled)
        {
            if (keepHistory)
            {
                return new OperationResult("uninstall", release, ns, true, $"release '{release}' is already uninstalled") { Record = last.Record };
            }

            await DeleteHistoryAsync(store, history, cancellationToken);
            return new OperationResult("uninstall", release, ns, true, $"release '{release}' history deleted");
        }

        var record = await context.RecordAsync(last.Record, ReleaseStatus.Uninstalling, OperationContext.Describe("Deletion in progress (or silently failed)", options), operation, progress, cancellationToken);
        var objects = await context.StoredObjectsAsync(record, cancellationToken);
        var removals = new List<(RunnerConsole.Core.Rendering.ObjectKey Key, bool Kept)>();
        foreach (var m in objects.DistinctBy(m => m.Key))
        {
            // Only what this release owns: a failed install records objects it was refused to take over.
            var live = await context.Cluster.GetAsync(m.Key, cancellationToken);
            var metadata = live?["metadata"];
            if (live is null || HelmOwnership.Check(Planning.ObjectComparison.StringMap(metadata?["labels"]), Planning.ObjectComparison.StringMap(metadata?["annotations"]), release, ns) != OwnershipState.Owned)
            {
                continue;
            }

            removals.Add((m.Key, HelmOwnership.IsKept(m.Object.Metadata?.Annotations) || HelmOwnership.IsKept(Planning.ObjectComparison.StringMap(metadata?["annotations"]))));
        }

        try
        {
            await context.Applier(progress).PruneAsync(removals, options, cancellationToken);
        }
        catch (OperationFailedException ex)
        {
            progress?.Report(new OperationFinished(context.Now, false, ex.Message));
            return new OperationResult("uninstall", release, ns, false, ex.Message) { Record = record };
        }

        var kept = removals.Count(r => r.Item2);
        var note = kept > 0 ? $" ({kept} object(s) kept by resource policy)" : string.Empty;
        if (keepHistory)
        {
            record = record with { Info = record.Info with { Deleted = context.Now } };
            record = await context.RecordAsync(record, ReleaseStatus.Uninstalled, OperationContext.Describe("Uninstallation complete", options), operation, progress, cancellationToken);
        }
        else
        {
            await DeleteHistoryAsync(store, await store.HistoryAsync(release, ns, cancellationToken), cancellationToken);
        }

        var message = $"release '{release}' uninstalled{note}";
        progress?.Report(new OperationFinished(context.Now, true, message));
        return new OperationResult("uninstall", release, ns, true, message) { Record = record };
    }

    private static async Task DeleteHistoryAsync(ReleaseStore store, IReadOnlyList<StoredRelease> history, CancellationToken cancellationToken)
    {
        foreach (var revision in history)
        {
            await store.DeleteAsync(revision.Record.Name, revision.Record.Namespace, revision.Record.Version, cancellationToken);
        }
    }
}
