using System.Text.Json.Nodes;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Runner;

/// <summary>
/// Composes values → renderer → operation request for the Kubiya runner: what the CLI verbs and the console both call
/// before install, upgrade or diff. Keeps the live registry key pair on upgrade instead of rotating it.
/// </summary>
public static class RunnerRelease
{
    public const string ChartName = "kubiya-runner";

    /// <summary>Renders <paramref name="values"/> at <paramref name="version"/> and wraps it as a release request.</summary>
    public static async Task<ReleaseRequest> PrepareAsync(
        RunnerValues values,
        RunnerVersion version,
        string release,
        string @namespace,
        IKubeCluster cluster,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var material = await SecretMaterialAsync(values, version, release, @namespace, cluster, time, cancellationToken).ConfigureAwait(false);
        var manifests = RunnerRenderer.Render(values, version, release, @namespace, new RenderContext(material));
        return Request(values, version, release, @namespace, manifests);
    }

    /// <summary>The request for already rendered manifests (chart metadata from the catalog, the values as Helm's <c>config</c>).</summary>
    public static ReleaseRequest Request(RunnerValues values, RunnerVersion version, string release, string @namespace, ManifestSet manifests) =>
        new(release, @namespace, manifests, Chart(version))
        {
            // Like Helm, the release record (itself a Secret) keeps the values as given, so upgrades and rollbacks can
            // re-render; every place that shows them (history, UI, export) redacts.
            Config = ValuesJson.ToJson(values, redactSecrets: false),
            ChartValues = ValuesJson.ToJson(RunnerValues.Defaults, redactSecrets: true),
            CreateNamespace = true,
            Notes = $"The Kubiya runner \"{values.Runner.Name}\" ({version.Version}) is installed in namespace \"{@namespace}\".",
        };

    public static ChartMetadata Chart(RunnerVersion version) => new()
    {
        Name = ChartName,
        Version = version.Version,
        AppVersion = version.AppVersion,
        Description = "The Kubiya runner in one namespace, least privilege (Runner Console).",
    };

    /// <summary>The values a stored revision was installed with, or why they cannot be read back.</summary>
    public static ValuesLoadResult ValuesOf(ReleaseRecord record) =>
        ValuesLoader.Load(record.Config?.ToJsonString() ?? "{}");

    // On upgrade the generated key pair already lives in the cluster: reuse it, or every upgrade would rotate it.
    private static async Task<ISecretMaterialSource> SecretMaterialAsync(
        RunnerValues values, RunnerVersion version, string release, string @namespace, IKubeCluster cluster, TimeProvider time, CancellationToken cancellationToken)
    {
        var probe = new RequestRecorder();
        RunnerRenderer.Render(values, version, release, @namespace, new RenderContext(probe));
        if (probe.Request is not { } request)
        {
            return probe;
        }

        var live = await cluster.GetAsync(new ObjectKey("v1", "Secret", @namespace, request.SecretName), cancellationToken).ConfigureAwait(false);
        if (live?["data"] is JsonObject data
            && data["tls.crt"]?.GetValue<string>() is { Length: > 0 } crt
            && data["tls.key"]?.GetValue<string>() is { Length: > 0 } key)
        {
            return new ExistingRegistryTls(new RegistryTlsMaterial(Convert.FromBase64String(crt), Convert.FromBase64String(key)));
        }

        return new SelfSignedRegistryTls(time);
    }

    /// <summary>Learns which registry Secret a render asks for, handing out empty material.</summary>
    private sealed class RequestRecorder : ISecretMaterialSource
    {
        public RegistryTlsRequest? Request { get; private set; }

        public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request)
        {
            Request = request;
            return new RegistryTlsMaterial([], []);
        }
    }
}
