using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Wizard;

/// <summary>The components the form offers, grouped as the wizard steps show them.</summary>
public static class ComponentSpecs
{
    public static ComponentSpec Operator { get; } = new(
        "operator", "kubiya-operator", "Receives work from the Kubiya cloud and manages the runner deployments.",
        v => v.Operator, (v, p) => v with { Operator = (OperatorValues)p }, null,
        new("operator.replicas", "Replicas", v => v.Operator.Replicas, (v, n) => v with { Operator = v.Operator with { Replicas = n } }));

    public static ComponentSpec AgentManager { get; } = new(
        "agentManager", "agent-manager", "Runs the agents.",
        v => v.AgentManager, (v, p) => v with { AgentManager = (AgentManagerValues)p }, null,
        new("agentManager.replicas", "Replicas", v => v.AgentManager.Replicas, (v, n) => v with { AgentManager = v.AgentManager with { Replicas = n } }));

    public static ComponentSpec ToolManager { get; } = new(
        "toolManager", "tool-manager", "Runs tools, with its sdk-server sidecar.",
        v => v.ToolManager, (v, p) => v with { ToolManager = (ToolManagerValues)p }, null,
        new("toolManager.replicas", "Replicas", v => v.ToolManager.Replicas, (v, n) => v with { ToolManager = v.ToolManager with { Replicas = n } }));

    public static ComponentSpec Dagger { get; } = new(
        "dagger", "dagger engine", "The engine tool-manager runs tools on. Runs privileged: the one accepted pod security exception.",
        v => v.Dagger, (v, p) => v with { Dagger = (DaggerValues)p },
        new("dagger.enabled", "Install dagger engine", v => v.Dagger.Enabled, (v, b) => v with { Dagger = v.Dagger with { Enabled = b } }),
        new("dagger.replicas", "Replicas", v => v.Dagger.Replicas, (v, n) => v with { Dagger = v.Dagger with { Replicas = n } }));

    public static ComponentSpec ImageUpdater { get; } = new(
        "imageUpdater", "image-updater", "CronJob that moves deployments to the tags a versions document names.",
        v => v.ImageUpdater, (v, p) => v with { ImageUpdater = (ImageUpdaterValues)p },
        new("imageUpdater.enabled", "Install image-updater", v => v.ImageUpdater.Enabled, (v, b) => v with { ImageUpdater = v.ImageUpdater with { Enabled = b } }),
        null);

    public static ValueField<string> ImageUpdaterVersionsUrl { get; } = new(
        "imageUpdater.versionsUrl", "Versions URL",
        v => v.ImageUpdater.VersionsUrl, (v, s) => v with { ImageUpdater = v.ImageUpdater with { VersionsUrl = s } });

    public static ValueField<string> ImageUpdaterSchedule { get; } = new(
        "imageUpdater.schedule", "Schedule (cron)",
        v => v.ImageUpdater.Schedule, (v, s) => v with { ImageUpdater = v.ImageUpdater with { Schedule = s } });

    public static ComponentSpec OtelCollector { get; } = new(
        "monitoring.otelCollector", "otel-collector", "Scrapes the runner and remote-writes to a central Prometheus.",
        v => v.Monitoring.OtelCollector, (v, p) => WizardFields.WithOtel(v, _ => (OtelCollectorValues)p),
        new("monitoring.otelCollector.enabled", "Install otel-collector", v => v.Monitoring.OtelCollector.Enabled, (v, b) => WizardFields.WithOtel(v, o => o with { Enabled = b })),
        new("monitoring.otelCollector.replicas", "Replicas", v => v.Monitoring.OtelCollector.Replicas, (v, n) => WizardFields.WithOtel(v, o => o with { Replicas = n })));

    public static ComponentSpec KubeStateMetrics { get; } = new(
        "monitoring.kubeStateMetrics", "kube-state-metrics", "Collects the state of this namespace's objects only.",
        v => v.Monitoring.KubeStateMetrics, (v, p) => v with { Monitoring = v.Monitoring with { KubeStateMetrics = (KubeStateMetricsValues)p } },
        new("monitoring.kubeStateMetrics.enabled", "Install kube-state-metrics", v => v.Monitoring.KubeStateMetrics.Enabled,
            (v, b) => v with { Monitoring = v.Monitoring with { KubeStateMetrics = v.Monitoring.KubeStateMetrics with { Enabled = b } } }),
        new("monitoring.kubeStateMetrics.replicas", "Replicas", v => v.Monitoring.KubeStateMetrics.Replicas,
            (v, n) => v with { Monitoring = v.Monitoring with { KubeStateMetrics = v.Monitoring.KubeStateMetrics with { Replicas = n } } }));

    public static ComponentSpec BlackboxExporter { get; } = new(
        "monitoring.blackboxExporter", "blackbox-exporter", "Probes every runner service, including those without metrics.",
        v => v.Monitoring.BlackboxExporter, (v, p) => v with { Monitoring = v.Monitoring with { BlackboxExporter = (BlackboxExporterValues)p } },
        new("monitoring.blackboxExporter.enabled", "Install blackbox-exporter", v => v.Monitoring.BlackboxExporter.Enabled,
            (v, b) => v with { Monitoring = v.Monitoring with { BlackboxExporter = v.Monitoring.BlackboxExporter with { Enabled = b } } }),
        new("monitoring.blackboxExporter.replicas", "Replicas", v => v.Monitoring.BlackboxExporter.Replicas,
            (v, n) => v with { Monitoring = v.Monitoring with { BlackboxExporter = v.Monitoring.BlackboxExporter with { Replicas = n } } }));

    /// <summary>The components step: the runner's own workloads.</summary>
    public static IReadOnlyList<ComponentSpec> Runner { get; } = [Operator, AgentManager, ToolManager, Dagger, ImageUpdater];

    /// <summary>The monitoring step's workloads.</summary>
    public static IReadOnlyList<ComponentSpec> Monitoring { get; } = [OtelCollector, KubeStateMetrics, BlackboxExporter];
}
