namespace RunnerConsole.Core.Values;

/// <summary><c>cloud.*</c>: how the runner reaches the Kubiya cloud over NATS.</summary>
public sealed record CloudValues
{
    public const string DefaultNatsUrl = "tls://connect.ngs.global";

    /// <summary>NATS server URL, <c>tls://</c> or <c>nats://</c>.</summary>
    public string NatsUrl { get; init; } = DefaultNatsUrl;

    /// <summary>NATS subject; empty means <c>&lt;organization&gt;.&lt;name&gt;.incoming</c> (see <see cref="EffectiveSubject"/>).</summary>
    public string Subject { get; init; } = "";

    /// <summary>NATS credentials file of the operator ("runner" credentials).</summary>
    public SecretSource RunnerCredentials { get; init; } = new();

    /// <summary>NATS credentials file shared by agent-manager, tool-manager, sdk-server and otel-collector.</summary>
    public SecretSource CustomerCredentials { get; init; } = new();

    /// <summary>The subject the runner listens on: <see cref="Subject"/>, or the one derived from the identity.</summary>
    public string EffectiveSubject(RunnerIdentity runner) =>
        Subject.Length > 0 ? Subject : $"{runner.Organization}.{runner.Name}.incoming";
}
