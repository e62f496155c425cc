using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Operate;

/// <summary>Turns a <see cref="ProposedChange"/> into the engine's <see cref="ReleaseRequest"/>: rendered values, or a stored revision.</summary>
public sealed class ReleaseRequests(TimeProvider time)
{
    public const string ChartName = "kubiya-runner";

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
        var tls = await context.Cluster.ListAsync("v1", "Secret", change.Namespace, null, cancellationToken);
        var material = new LiveRegistryTls([.. tls.Where(s => (string?)s["type"] == "kubernetes.io/tls")], time);
        var desired = RunnerRenderer.Render(values, version, change.Release, change.Namespace, new RenderContext(material));
        return new ReleaseRequest(change.Release, change.Namespace, desired, ChartMetadataFor(version))
        {
            Config = ValuesJson.ToJson(values, redactSecrets: false),
            CreateNamespace = true,
        };
    }

    public static ChartMetadata ChartMetadataFor(RunnerVersion version) => new()
    {
        Name = ChartName,
        Version = version.Version,
        AppVersion = version.AppVersion,
        Description = "Kubiya runner",
    };
}
