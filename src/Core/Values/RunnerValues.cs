namespace RunnerConsole.Core.Values;

/// <summary>
/// Everything an operator chooses about one runner install: the typed, immutable form of the values file
/// (camelCase keys, Helm style). Defaults are the safe choice; only identity and credentials must be given.
/// </summary>
public sealed record RunnerValues
{
    /// <summary>The values every install starts from.</summary>
    public static RunnerValues Defaults { get; } = new();

    /// <summary>Runner version from the catalog (<c>1.1.0</c>…); empty means the newest catalog version.</summary>
    public string Version { get; init; } = "";

    public RunnerIdentity Runner { get; init; } = new();

    public CloudValues Cloud { get; init; } = new();

    public ImagesValues Images { get; init; } = new();

    public RegistryTlsValues RegistryTls { get; init; } = new();

    public OperatorValues Operator { get; init; } = new();

    public AgentManagerValues AgentManager { get; init; } = new();

    public ToolManagerValues ToolManager { get; init; } = new();

    public DaggerValues Dagger { get; init; } = new();

    public ImageUpdaterValues ImageUpdater { get; init; } = new();

    public MonitoringValues Monitoring { get; init; } = new();
}
