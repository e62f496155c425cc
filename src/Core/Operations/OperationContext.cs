using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Operations;

/// <summary>What every verb works with: the cluster, the release store and a clock.</summary>
public sealed class OperationContext(IKubeCluster cluster, TimeProvider? time = null)
{
    public IKubeCluster Cluster { get; } = cluster;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public ReleaseStore Store => new(Cluster, Time);

    internal ObjectApplier Applier(IProgress<OperationEvent>? progress) => new(Cluster, Time, progress);

    internal DateTimeOffset Now => Time.GetUtcNow();

    internal async Task<IReadOnlyList<Manifest>> StoredObjectsAsync(ReleaseRecord? record, CancellationToken cancellationToken) =>
        record is null ? [] : await DesiredState.WithNamespaceAsync(HelmManifest.Parse(record.Manifest), record.Namespace, Cluster, cancellationToken);

    /// <summary>Writes a status change of a revision and reports it.</summary>
    internal async Task<ReleaseRecord> RecordAsync(ReleaseRecord record, ReleaseStatus status, string description, string operation, IProgress<OperationEvent>? progress, CancellationToken cancellationToken)
    {
        var updated = record.WithStatus(status, description);
        await Store.UpdateAsync(updated, operation, cancellationToken);
        progress?.Report(new ReleaseRecorded(Now, updated.Version, status, description));
        return updated;
    }

    /// <summary>Marks every other deployed revision superseded (there should be one; concurrent helm runs can leave more).</summary>
    internal async Task SupersedeOthersAsync(IReadOnlyList<StoredRelease> history, int keep, string operation, CancellationToken cancellationToken)
    {
        foreach (var other in history.Where(h => h.Record.Version != keep && h.Record.Status == ReleaseStatus.Deployed))
        {
            await Store.UpdateAsync(other.Record.WithStatus(ReleaseStatus.Superseded, other.Record.Info.Description ?? string.Empty), other.Operator ?? operation, cancellationToken);
        }
    }

    internal static string Describe(string text, OperationOptions options) =>
        options.Reason is null ? $"{text} by {options.Operator}" : $"{text} by {options.Operator}: {options.Reason}";

    /// <summary>Fails the plan when it holds objects the operator has not allowed us to take.</summary>
    internal static void EnsureAllowed(Plan plan, OperationOptions options)
    {
        var adopt = plan.Objects.Where(o => o.Action == PlanAction.NeedsAdopt && !options.Adopt).ToList();
        if (adopt.Count > 0)
        {
            throw new OperationFailedException(string.Join("; ", adopt.Select(o => o.Reason)) + " (re-run with --adopt to take it over)");
        }

        var conflicts = plan.Objects.Where(o => o.Action == PlanAction.Conflict && !options.ForceConflicts).ToList();
        if (conflicts.Count > 0)
        {
            throw new OperationFailedException(string.Join("; ", conflicts.Select(o =>
                $"{ObjectApplier.Name(o.Key)}: fields are owned by {string.Join(", ", o.ConflictManagers)}")) + " (re-run with --force-conflicts to take them)");
        }
    }
}
