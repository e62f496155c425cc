using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Model.Releases;

/// <summary>Small derivations shared by the list and the detail page.</summary>
public static class ReleaseFacts
{
    /// <summary>The operator name out of the store's "upgrade by alice: reason" annotation.</summary>
    public static string? Who(string? operation)
    {
        if (string.IsNullOrEmpty(operation))
        {
            return null;
        }

        var by = operation.IndexOf(" by ", StringComparison.Ordinal);
        if (by < 0)
        {
            return operation;
        }

        var rest = operation[(by + 4)..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? rest : rest[..colon];
    }

    /// <summary>The catalog version newer than the deployed one, or null when it is the newest (or not ours).</summary>
    public static string? NewerVersion(ReleaseRecord record, RunnerCatalog catalog)
    {
        var deployed = catalog.Find(record.Chart.Metadata.Version);
        if (deployed is null)
        {
            return null;
        }

        var index = catalog.Versions.ToList().IndexOf(deployed);
        return index >= 0 && index < catalog.Versions.Count - 1 ? catalog.Latest.Version : null;
    }

    public static ReleaseHealth HealthOf(IReadOnlyList<ObjectHealth> objects)
    {
        var watched = objects.Where(o => Readiness.IsWaitedOn(o.Key.Kind)).ToList();
        if (watched.Count == 0)
        {
            return objects.Count == 0 ? ReleaseHealth.None : ReleaseHealth.Healthy;
        }

        if (watched.All(o => o.IsReady))
        {
            return ReleaseHealth.Healthy;
        }

        return watched.Any(o => o.State is ReadinessState.Failed or ReadinessState.Missing) ? ReleaseHealth.Unhealthy : ReleaseHealth.Progressing;
    }

    public static string HealthDetail(IReadOnlyList<ObjectHealth> objects)
    {
        var watched = objects.Where(o => Readiness.IsWaitedOn(o.Key.Kind)).ToList();
        return watched.Count == 0 ? $"{objects.Count} objects" : $"{watched.Count(o => o.IsReady)}/{watched.Count} workloads ready";
    }
}
