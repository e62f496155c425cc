using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Wizard;

/// <summary>
/// Every secret of the values, as fields. Used by the form, and to drop secret values before anything is kept in the
/// browser: only Secret references survive a page reload.
/// </summary>
public static class SecretFields
{
    public static ValueField<SecretSource> RunnerCredentials { get; } = new(
        "cloud.runnerCredentials", "Runner credentials (NATS .creds)",
        v => v.Cloud.RunnerCredentials, (v, s) => v with { Cloud = v.Cloud with { RunnerCredentials = s } });

    public static ValueField<SecretSource> CustomerCredentials { get; } = new(
        "cloud.customerCredentials", "Customer credentials (NATS .creds)",
        v => v.Cloud.CustomerCredentials, (v, s) => v with { Cloud = v.Cloud with { CustomerCredentials = s } });

    public static ValueField<SecretSource> BasicPassword { get; } = new(
        "monitoring.otelCollector.remoteWrite.auth.basic.password", "Password",
        v => Auth(v).Basic.Password, (v, s) => WithAuth(v, a => a with { Basic = a.Basic with { Password = s } }));

    public static ValueField<SecretSource> BearerToken { get; } = new(
        "monitoring.otelCollector.remoteWrite.auth.bearer.token", "Bearer token",
        v => Auth(v).Bearer.Token, (v, s) => WithAuth(v, a => a with { Bearer = a.Bearer with { Token = s } }));

    public static ValueField<SecretSource> OAuth2ClientSecret { get; } = new(
        "monitoring.otelCollector.remoteWrite.auth.oauth2.clientSecret", "Client secret",
        v => Auth(v).OAuth2.ClientSecret, (v, s) => WithAuth(v, a => a with { OAuth2 = a.OAuth2 with { ClientSecret = s } }));

    public static IReadOnlyList<ValueField<SecretSource>> All { get; } =
        [RunnerCredentials, CustomerCredentials, BasicPassword, BearerToken, OAuth2ClientSecret];

    /// <summary>The values with every typed-in secret removed (references to existing Secrets kept), and the labels of the removed ones.</summary>
    public static (RunnerValues Values, IReadOnlyList<string> Removed) WithoutSecretValues(RunnerValues values)
    {
        var removed = new List<string>();
        foreach (var field in All)
        {
            var source = field.Get(values);
            if (source.HasValue)
            {
                values = field.Set(values, source with { Value = string.Empty });
                removed.Add(field.Label);
            }
        }

        return (values, removed);
    }

    internal static RemoteWriteAuthValues Auth(RunnerValues v) => v.Monitoring.OtelCollector.RemoteWrite.Auth;

    internal static RunnerValues WithAuth(RunnerValues v, Func<RemoteWriteAuthValues, RemoteWriteAuthValues> change) =>
        WizardFields.WithRemoteWrite(v, r => r with { Auth = change(r.Auth) });
}
