using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary><c>diff</c>: the plan an upgrade (or install) to <see cref="ReleaseRequest"/> would carry out; changes nothing.</summary>
public sealed class DiffOperation(OperationContext context)
{
    public async Task<Plan> RunAsync(ReleaseRequest request, PlanOptions options, CancellationToken cancellationToken)
    {
        var history = await context.Store.HistoryAsync(request.Release, request.Namespace, cancellationToken);
        var current = history.LastOrDefault(h => h.Record.Status == ReleaseStatus.Deployed)?.Record
            ?? history.LastOrDefault(h => h.Record.Status != ReleaseStatus.Uninstalled)?.Record;
        var desired = await DesiredState.PrepareAsync(request.Desired, request.Release, request.Namespace, context.Cluster, cancellationToken);
        var previous = await context.StoredObjectsAsync(current, cancellationToken);
        return await new Planner(context.Cluster).PlanAsync(request.Release, request.Namespace, desired, previous, options, cancellationToken);
    }
}
