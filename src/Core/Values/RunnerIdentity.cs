namespace RunnerConsole.Core.Values;

/// <summary><c>runner.*</c>: who this runner is in the Kubiya cloud.</summary>
public sealed record RunnerIdentity
{
    /// <summary>Runner name: a DNS-1123 label of at most 40 characters. Required.</summary>
    public string Name { get; init; } = "";

    /// <summary>Kubiya organization the runner belongs to. Required.</summary>
    public string Organization { get; init; } = "";

    /// <summary>Agent UUID given by the Kubiya cloud (<c>KUBIYA_AGENT_UUID</c>); optional.</summary>
    public string Uuid { get; init; } = "";

    /// <summary>Free-form environment tag (e.g. <c>production</c>), added as a label to metrics; optional.</summary>
    public string Environment { get; init; } = "";
}
