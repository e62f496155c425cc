using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary><c>diff</c>: the plan an upgrade (or install) to <see cref="ReleaseRequest"/> would carry out; changes nothing.</summary>
public sealed class DiffOperation(OperationContext context)
{
    public async Task<Plan> RunAsync(ReleaseRequest request, PlanOptions options, CancellationToken cancellationToken)
    {
        var history = await context.HistoryAsync(request.Release, request.Namespace, cancellationToken);
        context.Trace?.Mark("release history");
        var current = history.LastOrDefault(h => h.Record.Status == ReleaseStatus.Deployed)?.Record
            ?? history.LastOrDefault(h => h.Record.Status != ReleaseStatus.Uninstalled)?.Record;
        var desired = await DesiredState.PrepareAsync(request.Desired, request.Release, request.Namespace, context.Cluster, cancellationToken);
        context.Trace?.Mark("desired state");
        var previous = await context.PreviousObjectsAsync(current is null ? [] : [current], desired, HelmManifest.Documents(desired), cancellationToken);
        context.Trace?.Mark("previous revision objects");
        // Every object is dry-run (the exact server view); those of the current revision alongside their read.
        var plan = await new Planner(context.Cluster).PlanAsync(
            request.Release, request.Namespace, desired, previous.Changed, options, new PlanHints { ExpectedOwned = previous.Known }, cancellationToken);
        context.Trace?.Mark("plan (reads, dry-runs)");
        return plan;
    }
}
