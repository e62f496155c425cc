namespace RunnerConsole.Core.Values;

/// <summary>The key read from an <c>existingSecret</c> when the values give no <c>key</c>, per kind of secret.</summary>
public static class SecretKeys
{
    /// <summary>cloud.runnerCredentials and cloud.customerCredentials.</summary>
    public const string NatsCredentials = "nats.creds";

    /// <summary>…auth.basic.password.</summary>
    public const string Password = "password";

    /// <summary>…auth.bearer.token.</summary>
    public const string Token = "token";

    /// <summary>…auth.oauth2.clientSecret.</summary>
    public const string ClientSecret = "clientSecret";
}
