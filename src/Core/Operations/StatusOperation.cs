using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary>The latest revision and the health of each of its objects.</summary>
public sealed record ReleaseStatusReport(ReleaseRecord Record, IReadOnlyList<ObjectHealth> Objects)
{
    public bool AllReady => Objects.All(o => o.IsReady);
}

/// <summary><c>status</c>: the latest revision (or a given one) and per-object health.</summary>
public sealed class StatusOperation(OperationContext context)
{
    public async Task<ReleaseStatusReport?> RunAsync(string release, string ns, int revision, CancellationToken cancellationToken)
    {
        var history = await context.Store.HistoryAsync(release, ns, cancellationToken);
        var stored = revision > 0 ? history.FirstOrDefault(h => h.Record.Version == revision) : history.LastOrDefault();
        if (stored is null)
        {
            return null;
        }

        var objects = stored.Record.Status == ReleaseStatus.Uninstalled ? [] : await context.StoredObjectsAsync(stored.Record, cancellationToken);
        var applier = context.Applier(null);
        var health = new List<ObjectHealth>();
        foreach (var obj in objects)
        {
            health.Add(await applier.HealthAsync(obj.Key, withPods: true, cancellationToken));
        }

        return new ReleaseStatusReport(stored.Record, health);
    }
}
