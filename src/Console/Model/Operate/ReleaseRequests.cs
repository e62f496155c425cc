using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Runner;

namespace RunnerConsole.Model.Operate;

/// <summary>Turns a <see cref="ProposedChange"/> into the engine's <see cref="ReleaseRequest"/>: rendered values, or a stored revision.</summary>
public sealed class ReleaseRequests(TimeProvider time)
{
    public const string ChartName = RunnerRelease.ChartName;

    public async Task<ReleaseRequest> BuildAsync(OperationContext context, ProposedChange change, CancellationToken cancellationToken)
    {
        if (change.Kind == ChangeKind.Rollback)
        {
            var stored = await context.Store.GetAsync(change.Release, change.Namespace, change.Revision ?? 0, cancellationToken)
                ?? throw new InvalidOperationException($"revision {change.Revision} of '{change.Release}' no longer exists");
            return new ReleaseRequest(change.Release, change.Namespace, HelmManifest.Parse(stored.Record.Manifest), stored.Record.Chart.Metadata)
            {
                Config = stored.Record.Config,
            };
        }

        var values = change.Values ?? throw new InvalidOperationException("an install or upgrade needs values");
        var version = RunnerCatalog.Default.Resolve(values.Version)
            ?? throw new InvalidOperationException($"runner version '{values.Version}' is not in the catalog");
        // The Core composition: renders, keeps the live registry key pair, stores the values as Helm's config.
        var request = await RunnerRelease.PrepareAsync(values, version, change.Release, change.Namespace, context.Cluster, time, cancellationToken);
        return request with { CreateNamespace = true };
    }

    public static ChartMetadata ChartMetadataFor(RunnerVersion version) => RunnerRelease.Chart(version);
}
