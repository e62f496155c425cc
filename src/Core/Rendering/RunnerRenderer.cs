using System.Text.RegularExpressions;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering.Components;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Rendering;

/// <summary>
/// Renders the Kubiya runner for one namespace: typed values and a catalog version in, the complete, ordered,
/// least-privilege set of Kubernetes objects out. A pure function of its inputs — secret material that must be fresh
/// comes from <see cref="RenderContext"/> — so the same input gives byte-identical YAML.
/// </summary>
public static partial class RunnerRenderer
{
    /// <summary>
    /// Renders <paramref name="values"/> (already validated) at <paramref name="version"/> as release
    /// <paramref name="releaseName"/> in <paramref name="namespace"/>, in install order.
    /// </summary>
    /// <exception cref="ArgumentException">The release name or namespace is not a DNS-1123 label.</exception>
    public static ManifestSet Render(RunnerValues values, RunnerVersion version, string releaseName, string @namespace, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(context);
        if (NameErrors(releaseName, @namespace) is [var first, ..])
        {
            throw new ArgumentException(first);
        }

        var scope = new RenderScope(values, version, releaseName, @namespace, context);
        var plan = ScrapePlan.For(scope);
        var manifests = new List<Manifest>(64);
        manifests.AddRange(CloudCredentials.Build(scope));
        manifests.AddRange(RegistryTls.Build(scope));
        manifests.AddRange(KubiyaOperator.Build(scope));
        manifests.AddRange(AgentManager.Build(scope));
        manifests.AddRange(ToolManager.Build(scope));
        manifests.AddRange(DaggerEngine.Build(scope));
        manifests.AddRange(KubeStateMetrics.Build(scope));
        manifests.AddRange(BlackboxExporter.Build(scope));
        manifests.AddRange(OtelCollector.Build(scope, plan));
        manifests.AddRange(Dashboards.Build(scope));
        manifests.AddRange(ImageUpdater.Build(scope));
        manifests.AddRange(Healthchecks.Build(scope, RunnerDeployments(scope)));
        return new ManifestSet(InstallOrder.Sort(manifests));
    }

    /// <summary>Problems with a release name or namespace (each must be a DNS-1123 label; a release at most 53 characters, as in Helm).</summary>
    public static IReadOnlyList<string> NameErrors(string releaseName, string @namespace)
    {
        var errors = new List<string>();
        if (!DnsLabel().IsMatch(releaseName) || releaseName.Length > 53)
        {
            errors.Add($"release name '{releaseName}' must be a DNS-1123 label (lower-case letters, digits, '-') of at most 53 characters");
        }

        if (!DnsLabel().IsMatch(@namespace) || @namespace.Length > 63)
        {
            errors.Add($"namespace '{@namespace}' must be a DNS-1123 label (lower-case letters, digits, '-') of at most 63 characters");
        }

        return errors;
    }

    /// <summary>The runner's own Deployments (not the monitoring stack): what "the runner is healthy" means to the heartbeat.</summary>
    private static List<string> RunnerDeployments(RenderScope s)
    {
        var names = new List<string> { RunnerComponents.Operator, RunnerComponents.AgentManager, RunnerComponents.ToolManager };
        if (s.DaggerEnabled)
        {
            names.Add(RunnerComponents.Dagger);
        }

        return names;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
