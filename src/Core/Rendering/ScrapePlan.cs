namespace RunnerConsole.Core.Rendering;

/// <summary>One service blackbox-exporter probes: the component it belongs to, the module and the target address.</summary>
public sealed record ProbeTarget(string Component, string Module, string Target);

/// <summary>
/// What the monitoring stack watches for one render: the probe targets (every runner Service, including the ones
/// without metrics) and the kube-state-metrics families kept. Derived from the enabled components only, so a
/// disabled component leaves no target behind.
/// </summary>
internal sealed record ScrapePlan(IReadOnlyList<ProbeTarget> Probes, IReadOnlyList<string> AppJobs)
{
    public const string HttpModule = "http_2xx";
    public const string TcpModule = "tcp_connect";
    public const string GrpcModule = "grpc";

    /// <summary>
    /// The kube-state-metrics families the runner needs (dashboards, health score); everything else is dropped at the
    /// source (<c>--metric-allowlist</c>) and again at scrape time.
    /// </summary>
    public static IReadOnlyList<string> KubeStateMetricsFamilies { get; } =
    [
        "kube_pod_status_ready",
        "kube_pod_status_phase",
        "kube_pod_container_status_ready",
        "kube_pod_container_status_restarts_total",
        "kube_pod_container_status_waiting_reason",
        "kube_pod_container_resource_requests",
        "kube_pod_container_resource_limits",
        "kube_deployment_spec_replicas",
        "kube_deployment_status_replicas_available",
        "kube_job_status_failed",
        "kube_job_status_succeeded",
        "kube_cronjob_next_schedule_time",
    ];

    public static ScrapePlan For(RenderScope s)
    {
        var probes = new List<ProbeTarget>();
        if (s.BlackboxEnabled)
        {
            probes.Add(new(RunnerComponents.Operator, TcpModule, $"{s.ServiceHost(RunnerComponents.Operator)}:80"));
            probes.Add(new(RunnerComponents.AgentManager, HttpModule, $"http://{s.ServiceHost(RunnerComponents.AgentManager)}:80/healthz"));
            probes.Add(new(RunnerComponents.ToolManager, HttpModule, $"http://{s.ServiceHost(RunnerComponents.ToolManager)}:80/health"));
            if (s.DaggerEnabled)
            {
                probes.Add(new(RunnerComponents.Dagger, TcpModule, $"{s.ServiceHost(RunnerComponents.DaggerService)}:8080"));
            }

            if (s.KubeStateMetricsEnabled)
            {
                probes.Add(new(RunnerComponents.KubeStateMetrics, HttpModule, $"http://{s.ServiceHost(RunnerComponents.KubeStateMetrics)}:8080/livez"));
            }
        }

        return new ScrapePlan(probes, [RunnerComponents.AgentManager, RunnerComponents.ToolManager]);
    }
}
