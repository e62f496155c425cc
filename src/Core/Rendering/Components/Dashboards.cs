using k8s.Models;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>
/// Grafana dashboards as code, one ConfigMap each, labelled for the Grafana sidecar: runner health overview,
/// agent-manager detail, tool-manager detail. Panels only use metrics this render's scrape config collects, so a
/// disabled exporter takes its panels with it.
/// </summary>
internal static class Dashboards
{
    private const string Role = "monitoring";

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        if (!s.DashboardsEnabled)
        {
            yield break;
        }

        var texts = Texts(s);
        yield return ConfigMap(s, "runner-overview", texts.Overview);
        yield return ConfigMap(s, "agent-manager", texts.AgentManager);
        yield return ConfigMap(s, "tool-manager", texts.ToolManager);
    }

    /// <summary>Everything the dashboards' JSON depends on; <see cref="Overview"/> and <see cref="Detail"/> read nothing else.</summary>
    private readonly record struct DashboardInputs(string Release, bool Blackbox, bool KubeStateMetrics, bool Healthchecks);

    private sealed record DashboardTexts(DashboardInputs Inputs, string Overview, string AgentManager, string ToolManager);

    // The JSON is a pure function of a few inputs that rarely change between renders (the console re-renders on every
    // edit): the last result is kept and reused while they are the same.
    private static DashboardTexts? _last;

    private static DashboardTexts Texts(RenderScope s)
    {
        var inputs = new DashboardInputs(s.Release, s.BlackboxEnabled, s.KubeStateMetricsEnabled, s.HealthchecksEnabled);
        if (Volatile.Read(ref _last) is { } last && last.Inputs == inputs)
        {
            return last;
        }

        var texts = new DashboardTexts(
            inputs,
            DashboardJson.Write(
                $"kubiya-runner-overview-{s.Release}", "Kubiya runner — health overview",
                "Probe success, pod readiness and restarts of every runner component.", Overview(s)),
            DashboardJson.Write(
                $"kubiya-runner-agent-manager-{s.Release}", "Kubiya runner — agent-manager",
                "agent-manager pods, probes and scrape health.", Detail(s, RunnerComponents.AgentManager, [RunnerComponents.AgentManager])),
            DashboardJson.Write(
                $"kubiya-runner-tool-manager-{s.Release}", "Kubiya runner — tool-manager",
                "tool-manager and sdk-server pods, probes and scrape health.", Detail(s, RunnerComponents.ToolManager, [RunnerComponents.ToolManager, RunnerComponents.SdkServer])));
        Volatile.Write(ref _last, texts);
        return texts;
    }

    private static Manifest ConfigMap(RenderScope s, string dashboard, string json)
    {
        var meta = s.Meta(s.Derived($"dashboard-{dashboard}"), RunnerComponents.Dashboards, Role);
        foreach (var (key, value) in s.Values.Monitoring.Dashboards.Labels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            meta.Labels[key] = value;
        }

        if (s.Values.Monitoring.Dashboards.Folder.Length > 0)
        {
            meta.Annotations["grafana_folder"] = s.Values.Monitoring.Dashboards.Folder;
        }

        return new Manifest($"templates/dashboards/{dashboard}.yaml", new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = V1ConfigMap.KubeKind,
            Metadata = meta,
            Data = new Dictionary<string, string> { [$"{dashboard}.json"] = json },
        });
    }

    private static List<DashboardPanel> Overview(RenderScope s)
    {
        const string f = DashboardJson.RunnerFilter;
        var panels = new List<DashboardPanel>();
        if (s.BlackboxEnabled && s.KubeStateMetricsEnabled)
        {
            panels.Add(new("Health score", "stat",
            [
                ($"(avg(probe_success{{{f}}}) + avg(kube_pod_status_ready{{{f},condition=\"true\"}})) / 2", "score"),
            ], "percentunit"));
        }

        if (s.BlackboxEnabled)
        {
            panels.Add(new("Service probes", "timeseries", [($"min by (component) (probe_success{{{f}}})", "{{component}}")], "bool_yes_no"));
            panels.Add(new("Probe latency", "timeseries", [($"max by (component) (probe_duration_seconds{{{f}}})", "{{component}}")], "s"));
        }

        if (s.KubeStateMetricsEnabled)
        {
            panels.Add(new("Pods ready", "timeseries", [($"sum by (pod) (kube_pod_status_ready{{{f},condition=\"true\"}})", "{{pod}}")]));
            panels.Add(new("Container restarts (1h)", "timeseries",
                [($"sum by (pod, container) (increase(kube_pod_container_status_restarts_total{{{f}}}[1h]))", "{{pod}}/{{container}}")]));
            panels.Add(new("Deployments available", "timeseries",
            [
                ($"kube_deployment_status_replicas_available{{{f}}}", "{{deployment}} available"),
                ($"kube_deployment_spec_replicas{{{f}}}", "{{deployment}} desired"),
            ]));
        }

        if (s.HealthchecksEnabled && s.KubeStateMetricsEnabled)
        {
            // The heartbeat's own view: a run that failed is a ping that was not sent (runner not available).
            var heartbeat = $"job_name=~\"{s.Derived(RunnerComponents.Healthchecks)}-.*\"";
            panels.Add(new("Heartbeat runs (healthchecks.io)", "timeseries",
            [
                ($"sum(kube_job_status_succeeded{{{f},{heartbeat}}})", "pinged"),
                ($"sum(kube_job_status_failed{{{f},{heartbeat}}})", "not pinged"),
            ]));
        }

        panels.Add(new("Scrape targets up", "timeseries", [($"sum by (job) (up{{{f}}})", "{{job}}")]));
        return panels;
    }

    private static List<DashboardPanel> Detail(RenderScope s, string component, IReadOnlyList<string> containers)
    {
        const string f = DashboardJson.RunnerFilter;
        var pods = $"pod=~\"{component}-.*\"";
        var containerRegex = string.Join('|', containers);
        var panels = new List<DashboardPanel>
        {
            new("Scrape up", "timeseries", [($"up{{{f},job=\"{component}\"}}", "{{pod}}")], "bool_yes_no"),
            new("Scrape duration", "timeseries", [($"scrape_duration_seconds{{{f},job=\"{component}\"}}", "{{pod}}")], "s"),
        };
        if (s.BlackboxEnabled)
        {
            panels.Add(new("Service probe", "timeseries", [($"probe_success{{{f},component=\"{component}\"}}", "{{instance}}")], "bool_yes_no"));
            panels.Add(new("Probe latency", "timeseries", [($"probe_duration_seconds{{{f},component=\"{component}\"}}", "{{instance}}")], "s"));
        }

        if (s.KubeStateMetricsEnabled)
        {
            panels.Add(new("Pods ready", "timeseries", [($"kube_pod_status_ready{{{f},{pods},condition=\"true\"}}", "{{pod}}")]));
            panels.Add(new("Container restarts (1h)", "timeseries",
                [($"increase(kube_pod_container_status_restarts_total{{{f},{pods},container=~\"{containerRegex}\"}}[1h])", "{{pod}}/{{container}}")]));
            panels.Add(new("Replicas", "timeseries",
            [
                ($"kube_deployment_status_replicas_available{{{f},deployment=\"{component}\"}}", "available"),
                ($"kube_deployment_spec_replicas{{{f},deployment=\"{component}\"}}", "desired"),
            ]));
            panels.Add(new("Memory limit per container", "timeseries",
                [($"kube_pod_container_resource_limits{{{f},{pods},resource=\"memory\"}}", "{{pod}}/{{container}}")], "bytes"));
        }

        return panels;
    }
}
