using k8s.Models;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Rendering;

/// <summary>
/// Everything one render knows, with the helpers every component builder shares: names, labels, Helm ownership
/// metadata and image references. Built once per render; builders only read it.
/// </summary>
internal sealed class RenderScope(RunnerValues values, RunnerVersion version, string release, string @namespace, RenderContext context)
{
    public RunnerValues Values { get; } = values;

    public RunnerVersion Version { get; } = version;

    public string Release { get; } = release;

    public string Namespace { get; } = @namespace;

    public RenderContext Context { get; } = context;

    public string Chart => $"{RunnerComponents.PartOf}-{Version.Version}";

    public bool DaggerEnabled => Values.Dagger.Enabled;

    public bool OtelEnabled => Values.Monitoring.OtelCollector.Enabled;

    public bool KubeStateMetricsEnabled => Values.Monitoring.KubeStateMetrics.Enabled;

    public bool BlackboxEnabled => Values.Monitoring.BlackboxExporter.Enabled;

    public bool DashboardsEnabled => Values.Monitoring.Dashboards.Enabled && OtelEnabled;

    public bool HealthchecksEnabled => Values.Monitoring.Healthchecks.Enabled;

    public bool ImageUpdaterEnabled => Values.ImageUpdater.Enabled;

    /// <summary>A name derived from the release (<c>&lt;release&gt;-&lt;suffix&gt;</c>), for objects that are not a component's workload.</summary>
    public string Derived(string suffix) => $"{Release}-{suffix}";

    /// <summary>The component's service account: the configured one, or one derived from the release — never a fixed name.</summary>
    public string ServiceAccountName(string component, ServiceAccountValues serviceAccount) =>
        serviceAccount.Name.Length > 0 ? serviceAccount.Name : Derived(component);

    /// <summary>In-cluster DNS name of a Service of the runner.</summary>
    public string ServiceHost(string service) => $"{service}.{Namespace}.svc";

    /// <summary>The labels that select a component's pods: stable across upgrades, so they may sit in immutable selectors.</summary>
    public Dictionary<string, string> SelectorLabels(string component) => new()
    {
        ["app.kubernetes.io/name"] = component,
        ["app.kubernetes.io/instance"] = Release,
    };

    /// <summary>The full label set of every object: <c>app.kubernetes.io/*</c> and the Helm chart label.</summary>
    public Dictionary<string, string> Labels(string component, string role) => new()
    {
        ["app.kubernetes.io/name"] = component,
        ["app.kubernetes.io/instance"] = Release,
        ["app.kubernetes.io/component"] = role,
        ["app.kubernetes.io/version"] = Version.Version,
        ["app.kubernetes.io/part-of"] = RunnerComponents.PartOf,
        [RenderAnnotations.ManagedBy] = "Helm",
        ["helm.sh/chart"] = Chart,
    };

    /// <summary>Metadata of a namespaced object with labels and Helm ownership annotations.</summary>
    public V1ObjectMeta Meta(string name, string component, string role) => new()
    {
        Name = name,
        NamespaceProperty = Namespace,
        Labels = Labels(component, role),
        Annotations = Ownership(),
    };

    /// <summary>Metadata of a cluster-scoped object (only with <c>toolManager.clusterAccess</c>).</summary>
    public V1ObjectMeta ClusterMeta(string name, string component, string role) => new()
    {
        Name = name,
        Labels = Labels(component, role),
        Annotations = Ownership(),
    };

    /// <summary>Helm's ownership annotations: what lets helm and the console recognise the object as this release's.</summary>
    public Dictionary<string, string> Ownership() => new()
    {
        [RenderAnnotations.HelmReleaseName] = Release,
        [RenderAnnotations.HelmReleaseNamespace] = Namespace,
    };

    /// <summary>
    /// The image reference of a container: repository from values, the tag from values or else the one the catalog
    /// pins, a digest when one is given; the registry host replaced by <c>images.registry</c> when set.
    /// </summary>
    public string Image(ImageValues image, ImageRef pinned) => ImageResolver.Resolve(image, pinned, Values.Images.Registry).Reference;

    public string PullPolicy => Values.Images.PullPolicy.Length > 0 ? Values.Images.PullPolicy : "IfNotPresent";

    public List<V1LocalObjectReference>? PullSecrets =>
        Values.Images.PullSecrets.Count == 0 ? null : [.. Values.Images.PullSecrets.Select(n => new V1LocalObjectReference { Name = n })];
}
