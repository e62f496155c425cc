using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary><c>cloud.*</c>: how the runner reaches the Kubiya cloud over NATS.</summary>
public sealed record CloudValues
{
    public const string DefaultNatsUrl = "tls://connect.ngs.global";

    [Description("NATS server URL, `tls://` or `nats://`.")]
    public string NatsUrl { get; init; } = DefaultNatsUrl;

    [Description("NATS subject; empty means `<organization>.<name>.incoming`.")]
    public string Subject { get; init; } = "";

    [Description("Required. NATS credentials file (JWT + NKEY seed) of the operator, the \"runner\" credentials: give existingSecret (default key `nats.creds`) or value.")]
    public SecretSource RunnerCredentials { get; init; } = new();

    [Description("Required. NATS credentials file (JWT + NKEY seed) shared by agent-manager, tool-manager, sdk-server and otel-collector, the \"customer\" credentials: give existingSecret (default key `nats.creds`) or value.")]
    public SecretSource CustomerCredentials { get; init; } = new();

    /// <summary>The subject the runner listens on: <see cref="Subject"/>, or the one derived from the identity.</summary>
    public string EffectiveSubject(RunnerIdentity runner) =>
        Subject.Length > 0 ? Subject : $"{runner.Organization}.{runner.Name}.incoming";
}
