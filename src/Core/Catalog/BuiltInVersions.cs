namespace RunnerConsole.Core.Catalog;

/// <summary>
/// The runner versions shipped with the console. Tags come from RUNNER-FACTS.md; where the facts name no
/// explicit tag (operator, otel-collector, kubectl, curl) the choice is ours and is stated in <see cref="RunnerVersion.Notes"/>.
/// </summary>
public static class BuiltInVersions
{
    // kubiya-operator publishes only the tag "runner_v2", which reads like a moving channel. It is the only
    // public tag, so both versions pin it; operators who need immutability set operator.image.digest.
    private const string OperatorTag = "runner_v2";

    public static RunnerVersion V1_0_0 { get; } = new(
        "1.0.0",
        "0.1.3",
        new KubernetesRange(27, 32),
        new RunnerImages(
            Operator: new("ghcr.io/kubiyabot/kubiya-operator", OperatorTag),
            AgentManager: new("ghcr.io/kubiyabot/agent-manager", "v0.1.3"),
            ToolManager: new("ghcr.io/kubiyabot/tool-manager", "v0.3.2"),
            SdkServer: new("ghcr.io/kubiyabot/sdk-py", "v1.7.1"),
            Dagger: new("ghcr.io/kubiyabot/kubiya-registry", "v0.1.1"),
            ImageUpdater: new("registry.k8s.io/kubectl", "v1.31.4"),
            KubeStateMetrics: new("registry.k8s.io/kube-state-metrics/kube-state-metrics", "v2.14.0"),
            BlackboxExporter: new("quay.io/prometheus/blackbox-exporter", "v0.24.0"),
            OtelCollector: new("otel/opentelemetry-collector-contrib", "0.111.0"),
            Healthchecks: new("docker.io/curlimages/curl", "8.11.1"),
            HealthchecksKubectl: new("registry.k8s.io/kubectl", "v1.31.4")),
        "Images of the public kubiya-runner chart (~0.5.29). Operator tag runner_v2 is the only published tag and looks mutable; pin operator.image.digest for immutability. kubectl v1.31.4, otel-collector-contrib 0.111.0 and curl 8.11.1 are our choice.");

    public static RunnerVersion V1_1_0 { get; } = new(
        "1.1.0",
        "0.5.1",
        new KubernetesRange(29, 35),
        new RunnerImages(
            Operator: new("ghcr.io/kubiyabot/kubiya-operator", OperatorTag),
            AgentManager: new("ghcr.io/kubiyabot/agent-manager", "v0.5.1"),
            ToolManager: new("ghcr.io/kubiyabot/tool-manager", "v0.5.8"),
            SdkServer: new("ghcr.io/kubiyabot/sdk-py", "v1.20.0"),
            Dagger: new("ghcr.io/kubiyabot/kubiya-registry", "v0.2.1"),
            ImageUpdater: new("registry.k8s.io/kubectl", "v1.35.0"),
            KubeStateMetrics: new("registry.k8s.io/kube-state-metrics/kube-state-metrics", "v2.20.0"),
            BlackboxExporter: new("quay.io/prometheus/blackbox-exporter", "v0.28.0"),
            OtelCollector: new("otel/opentelemetry-collector-contrib", "0.139.0"),
            Healthchecks: new("docker.io/curlimages/curl", "8.17.0"),
            HealthchecksKubectl: new("registry.k8s.io/kubectl", "v1.35.0")),
        "Newer component images. Operator tag runner_v2 is the only published tag and looks mutable; pin operator.image.digest for immutability. kubectl v1.35.0, otel-collector-contrib 0.139.0 and curl 8.17.0 are our choice.");

    /// <summary>Oldest first.</summary>
    public static IReadOnlyList<RunnerVersion> All { get; } = [V1_0_0, V1_1_0];
}
