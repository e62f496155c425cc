using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary>
/// <c>rollback</c> to revision R: a new revision N+1 copies R's chart, values and stored manifest (no
/// re-render), is written <c>pending-rollback</c>, applied like an upgrade, then <c>deployed</c>; every
/// other revision that was deployed becomes <c>superseded</c>.
/// </summary>
public sealed class RollbackOperation(OperationContext context)
{
    /// <param name="release">Release name.</param>
    /// <param name="ns">Release namespace.</param>
    /// <param name="revision">Target revision; 0 means the one before the latest (as <c>helm rollback</c>).</param>
    /// <param name="options">How to run.</param>
    /// <param name="progress">Receives progress events.</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    public async Task<OperationResult> RunAsync(string release, string ns, int revision, OperationOptions options, IProgress<OperationEvent>? progress, CancellationToken cancellationToken)
    {
        var history = await context.HistoryAsync(release, ns, cancellationToken);
        if (history.Count == 0)
        {
            return new OperationResult("rollback", release, ns, false, $"release '{release}' not found in namespace '{ns}'");
        }

        var last = history[^1];
        if (last.Record.Status.IsPending())
        {
            throw ReleaseStore.InProgress(release, last);
        }

        var targetVersion = revision > 0 ? revision : last.Record.Version - 1;
        var target = history.FirstOrDefault(h => h.Record.Version == targetVersion)?.Record;
        if (target is null)
        {
            return new OperationResult("rollback", release, ns, false, $"release '{release}' has no revision {targetVersion} (history: {string.Join(", ", history.Select(h => h.Record.Version))})");
        }

        var now = context.Now;
        var record = target with
        {
            Version = last.Record.Version + 1,
            Info = target.Info with
            {
                FirstDeployed = history[0].Record.Info.FirstDeployed ?? target.Info.FirstDeployed,
                LastDeployed = now,
                Deleted = null,
                Status = ReleaseStatus.PendingRollback,
                Description = OperationContext.Describe($"Rollback to {targetVersion}", options),
            },
            ApplyMethod = ReleaseRecord.ServerSideApply,
        };

        // The stored manifest is applied as it is; only ownership metadata and namespaces are (re)stated.
        var desired = await DesiredState.PrepareAsync(HelmManifest.Parse(target.Manifest), release, ns, context.Cluster, cancellationToken);
        var current = history.LastOrDefault(h => h.Record.Status == ReleaseStatus.Deployed)?.Record ?? last.Record;
        return await ReleaseTransition.RunAsync(context, "rollback", record, history, desired, HelmManifest.Documents(desired), current, options, progress, cancellationToken);
    }
}
