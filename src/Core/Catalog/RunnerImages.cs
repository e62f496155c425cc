namespace RunnerConsole.Core.Catalog;

/// <summary>Every image one runner version runs, each pinned.</summary>
public sealed record RunnerImages(
    ImageRef Operator,
    ImageRef AgentManager,
    ImageRef ToolManager,
    ImageRef SdkServer,
    ImageRef Dagger,
    ImageRef ImageUpdater,
    ImageRef KubeStateMetrics,
    ImageRef BlackboxExporter,
    ImageRef OtelCollector,
    ImageRef Healthchecks,
    ImageRef HealthchecksKubectl)
{
    /// <summary>All images with the values key of the component that runs them (<c>agentManager</c>, <c>monitoring.otelCollector</c>…).</summary>
    public IReadOnlyList<(string Component, ImageRef Image)> All =>
    [
        ("operator", Operator),
        ("agentManager", AgentManager),
        ("toolManager", ToolManager),
        ("toolManager.sdkServer", SdkServer),
        ("dagger", Dagger),
        ("imageUpdater", ImageUpdater),
        ("monitoring.kubeStateMetrics", KubeStateMetrics),
        ("monitoring.blackboxExporter", BlackboxExporter),
        ("monitoring.otelCollector", OtelCollector),
        ("monitoring.healthchecks", Healthchecks),
        ("monitoring.healthchecks.kubectlImage", HealthchecksKubectl),
    ];
}
