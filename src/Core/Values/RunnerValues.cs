using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary>
/// Everything an operator chooses about one runner install: the typed, immutable form of the values file
/// (camelCase keys, Helm style). Defaults are the safe choice; only identity and credentials must be given.
/// </summary>
public sealed record RunnerValues
{
    /// <summary>The values every install starts from.</summary>
    public static RunnerValues Defaults { get; } = new();

    [Description("Runner version from the catalog (`1.1.0`…); empty means the newest catalog version.")]
    public string Version { get; init; } = "";

    [Description("Identity of the runner in the Kubiya cloud.")]
    public RunnerIdentity Runner { get; init; } = new();

    [Description("Connection to the Kubiya cloud (NATS).")]
    public CloudValues Cloud { get; init; } = new();

    [Description("Settings shared by every image.")]
    public ImagesValues Images { get; init; } = new();

    [Description("TLS key pair of the in-namespace tool registry.")]
    public RegistryTlsValues RegistryTls { get; init; } = new();

    [Description("kubiya-operator: receives work from the cloud and manages the runner deployments.")]
    public OperatorValues Operator { get; init; } = new();

    [Description("agent-manager: runs the agents.")]
    public AgentManagerValues AgentManager { get; init; } = new();

    [Description("tool-manager: runs tools, with its sdk-server sidecar.")]
    public ToolManagerValues ToolManager { get; init; } = new();

    [Description("dagger engine tool-manager runs tools on (privileged: the one pod security exception).")]
    public DaggerValues Dagger { get; init; } = new();

    [Description("CronJob that moves deployments to the tags a versions document names (non-root, get/patch deployments only).")]
    public ImageUpdaterValues ImageUpdater { get; init; } = new();

    [Description("Namespace-scoped monitoring stack.")]
    public MonitoringValues Monitoring { get; init; } = new();
}
