using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary>
/// <c>upgrade</c>: refuses while the latest revision is pending, writes revision N+1
/// <c>pending-upgrade</c>, applies what changed, prunes what is gone, waits; on success the previous
/// <c>deployed</c> revision becomes <c>superseded</c>, on failure the new one is <c>failed</c> (and with
/// --atomic the previous revision is rolled back to).
/// </summary>
public sealed class UpgradeOperation(OperationContext context)
{
    /// <param name="request">The new desired state.</param>
    /// <param name="install">Install when the release does not exist (<c>--install</c>).</param>
    /// <param name="options">How to run.</param>
    /// <param name="progress">Receives progress events.</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    public async Task<OperationResult> RunAsync(ReleaseRequest request, bool install, OperationOptions options, IProgress<OperationEvent>? progress, CancellationToken cancellationToken)
    {
        var store = context.Store;
        var history = await context.HistoryAsync(request.Release, request.Namespace, cancellationToken);
        context.Trace?.Mark("release history");
        if (history.Count == 0 || history[^1].Record.Status == ReleaseStatus.Uninstalled)
        {
            if (install)
            {
                context.Reuse(request.Release, request.Namespace, history);
            }

            return install
                ? await new InstallOperation(context).RunAsync(request, options, progress, cancellationToken)
                : new OperationResult("upgrade", request.Release, request.Namespace, false, $"release '{request.Release}' has no deployed releases (use --install)");
        }

        var last = history[^1].Record;
        if (last.Status.IsPending())
        {
            throw ReleaseStore.InProgress(request.Release, history[^1]);
        }

        // Upgrade from the last deployed revision; after failures with none deployed, from the latest.
        var current = history.LastOrDefault(h => h.Record.Status == ReleaseStatus.Deployed)?.Record ?? last;
        var operation = options.Operation("upgrade");
        var desired = await DesiredState.PrepareAsync(request.Desired, request.Release, request.Namespace, context.Cluster, cancellationToken);
        var documents = HelmManifest.Documents(desired);
        context.Trace?.Mark("desired state, manifest");
        var now = context.Now;
        var record = new ReleaseRecord
        {
            Name = request.Release,
            Namespace = request.Namespace,
            Version = last.Version + 1,
            Info = new ReleaseInfo { FirstDeployed = current.Info.FirstDeployed ?? now, LastDeployed = now, Status = ReleaseStatus.PendingUpgrade, Description = OperationContext.Describe("Preparing upgrade", options), Notes = request.Notes },
            Chart = new ChartRecord { Metadata = request.Chart, Templates = request.Templates, Values = request.ChartValues ?? [] },
            Config = request.Config ?? [],
            Manifest = HelmManifest.JoinDocuments(documents),
            Hooks = [],
            ApplyMethod = ReleaseRecord.ServerSideApply,
        };

        return await ReleaseTransition.RunAsync(context, "upgrade", record, history, desired, documents, current, options, progress, cancellationToken);
    }
}
