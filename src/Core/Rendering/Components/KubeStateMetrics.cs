using k8s.Models;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>
/// kube-state-metrics limited to the release namespace: <c>--namespaces</c>, only the namespaced collectors the
/// dashboards need, a Role (never a ClusterRole), and only the metric families the runner uses.
/// </summary>
internal static class KubeStateMetrics
{
    private const string Name = RunnerComponents.KubeStateMetrics;
    private const string Role = "monitoring";

    /// <summary>The collectors (all namespaced) and the API group each one lists and watches.</summary>
    public static IReadOnlyList<(string Group, string Resource)> Collectors { get; } =
    [
        ("", "pods"),
        ("apps", "deployments"),
        ("batch", "jobs"),
        ("batch", "cronjobs"),
    ];

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        if (!s.KubeStateMetricsEnabled)
        {
            yield break;
        }

        var values = s.Values.Monitoring.KubeStateMetrics;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: true);
        var rules = Collectors
            .GroupBy(c => c.Group)
            .Select(g => Rbac.Rule(g.Key, [.. g.Select(c => c.Resource)], "list", "watch"))
            .ToArray();
        foreach (var rbac in Rbac.RoleAndBinding(s, Name, Role, serviceAccount, rules))
        {
            yield return rbac;
        }

        yield return Workloads.Service(s, Name, Name, Role,
        [
            Workloads.ServicePort("http-metrics", 8080, "http-metrics", "http"),
            Workloads.ServicePort("telemetry", 8081, "telemetry", "http"),
        ]);

        var container = Container(s, Name, s.Image(values.Image, s.Version.Images.KubeStateMetrics), values.Resources);
        container.Args =
        [
            "--port=8080",
            "--telemetry-port=8081",
            $"--namespaces={s.Namespace}",
            $"--resources={string.Join(',', Collectors.Select(c => c.Resource))}",
            $"--metric-allowlist={string.Join(',', ScrapePlan.KubeStateMetricsFamilies)}",
        ];
        container.Ports = [Port("http-metrics", 8080), Port("telemetry", 8081)];
        container.LivenessProbe = HttpProbe("/livez", "http-metrics");
        container.ReadinessProbe = HttpProbe("/readyz", "telemetry");

        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = true,
            Containers = [container],
        };
        yield return Workloads.Deployment(s, Name, Role, values.Replicas, Pod(s, Name, Role, values, pod));
    }
}
