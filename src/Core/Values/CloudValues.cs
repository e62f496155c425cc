using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary><c>cloud.*</c>: how the runner reaches the Kubiya cloud over NATS.</summary>
public sealed record CloudValues
{
    public const string DefaultNatsUrl = "tls://connect.ngs.global";

    [Description("NATS server URL, `tls://` or `nats://`.")]
    public string NatsUrl { get; init; } = DefaultNatsUrl;

    [Description("NATS subject; empty means `<organization>.<name>.incoming` (see EffectiveSubject).")]
    public string Subject { get; init; } = "";

    [Description("NATS credentials file of the operator (\"runner\" credentials).")]
    public SecretSource RunnerCredentials { get; init; } = new();

    [Description("NATS credentials file shared by agent-manager, tool-manager, sdk-server and otel-collector.")]
    public SecretSource CustomerCredentials { get; init; } = new();

    /// <summary>The subject the runner listens on: <see cref="Subject"/>, or the one derived from the identity.</summary>
    public string EffectiveSubject(RunnerIdentity runner) =>
        Subject.Length > 0 ? Subject : $"{runner.Organization}.{runner.Name}.incoming";
}
