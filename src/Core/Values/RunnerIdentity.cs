using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary><c>runner.*</c>: who this runner is in the Kubiya cloud.</summary>
public sealed record RunnerIdentity
{
    [Description("Runner name: a DNS-1123 label of at most 40 characters. Required.")]
    public string Name { get; init; } = "";

    [Description("Kubiya organization the runner belongs to. Required.")]
    public string Organization { get; init; } = "";

    [Description("Agent UUID given by the Kubiya cloud (`KUBIYA_AGENT_UUID`); optional.")]
    public string Uuid { get; init; } = "";

    [Description("Free-form environment tag (e.g. `production`), added as a label to metrics; optional.")]
    public string Environment { get; init; } = "";
}
