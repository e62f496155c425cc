namespace RunnerConsole.Core.Rendering;

/// <summary>
/// Names of the runner's components as RUNNER-FACTS.md gives them: used for Deployments, Services and the
/// <c>app.kubernetes.io/name</c> label, so other parts (policy, planning, UI) can refer to them without strings of their own.
/// </summary>
public static class RunnerComponents
{
    public const string Operator = "kubiya-operator";
    public const string AgentManager = "agent-manager";
    public const string ToolManager = "tool-manager";
    public const string SdkServer = "sdk-server";
    public const string Dagger = "dagger-engine";

    /// <summary>Headless Service tool-manager discovers and balances the dagger engines through.</summary>
    public const string DaggerService = "dagger-engine-service";
    public const string ImageUpdater = "image-updater";
    public const string OtelCollector = "otel-collector";
    public const string KubeStateMetrics = "kube-state-metrics";
    public const string BlackboxExporter = "blackbox-exporter";
    public const string Healthchecks = "healthchecks";
    public const string Dashboards = "grafana-dashboards";

    /// <summary>Value of <c>app.kubernetes.io/part-of</c> and the chart name in <c>helm.sh/chart</c>.</summary>
    public const string PartOf = "kubiya-runner";
}
