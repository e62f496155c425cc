using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Wizard;

/// <summary>The form fields of the identity, monitoring and security steps, each bound to its values key.</summary>
public static class WizardFields
{
    public static ValueField<string> Version { get; } = new(
        "version", "Runner version", v => v.Version, (v, s) => v with { Version = s });

    public static ValueField<string> RunnerName { get; } = new(
        "runner.name", "Runner name", v => v.Runner.Name, (v, s) => v with { Runner = v.Runner with { Name = s } });

    public static ValueField<string> Organization { get; } = new(
        "runner.organization", "Organization", v => v.Runner.Organization, (v, s) => v with { Runner = v.Runner with { Organization = s } });

    public static ValueField<string> Uuid { get; } = new(
        "runner.uuid", "Agent UUID", v => v.Runner.Uuid, (v, s) => v with { Runner = v.Runner with { Uuid = s } });

    public static ValueField<string> Environment { get; } = new(
        "runner.environment", "Environment", v => v.Runner.Environment, (v, s) => v with { Runner = v.Runner with { Environment = s } });

    public static ValueField<string> NatsUrl { get; } = new(
        "cloud.natsUrl", "NATS URL", v => v.Cloud.NatsUrl, (v, s) => v with { Cloud = v.Cloud with { NatsUrl = s } });

    public static ValueField<string> Subject { get; } = new(
        "cloud.subject", "NATS subject", v => v.Cloud.Subject, (v, s) => v with { Cloud = v.Cloud with { Subject = s } });

    public static ValueField<string> ScrapeInterval { get; } = new(
        "monitoring.otelCollector.scrapeInterval", "Scrape interval",
        v => v.Monitoring.OtelCollector.ScrapeInterval, (v, s) => WithOtel(v, o => o with { ScrapeInterval = s }));

    public static ValueField<string> RemoteWriteUrl { get; } = new(
        "monitoring.otelCollector.remoteWrite.url", "Remote write URL",
        v => v.Monitoring.OtelCollector.RemoteWrite.Url, (v, s) => WithRemoteWrite(v, r => r with { Url = s }));

    public static ValueField<RemoteWriteAuthType> AuthType { get; } = new(
        "monitoring.otelCollector.remoteWrite.auth.type", "Authentication",
        v => SecretFields.Auth(v).Type,
        // The blocks of the other types are hidden once the type changes; keeping them would only trip the validator.
        (v, t) => SecretFields.WithAuth(v, a => new RemoteWriteAuthValues
        {
            Type = t,
            Basic = t == RemoteWriteAuthType.Basic ? a.Basic : new(),
            Bearer = t == RemoteWriteAuthType.Bearer ? a.Bearer : new(),
            OAuth2 = t == RemoteWriteAuthType.OAuth2 ? a.OAuth2 : new(),
        }));

    public static ValueField<string> BasicUsername { get; } = new(
        "monitoring.otelCollector.remoteWrite.auth.basic.username", "User name",
        v => SecretFields.Auth(v).Basic.Username, (v, s) => SecretFields.WithAuth(v, a => a with { Basic = a.Basic with { Username = s } }));

    public static ValueField<string> OAuth2ClientId { get; } = new(
        "monitoring.otelCollector.remoteWrite.auth.oauth2.clientId", "Client id",
        v => SecretFields.Auth(v).OAuth2.ClientId, (v, s) => SecretFields.WithAuth(v, a => a with { OAuth2 = a.OAuth2 with { ClientId = s } }));

    public static ValueField<string> OAuth2TokenUrl { get; } = new(
        "monitoring.otelCollector.remoteWrite.auth.oauth2.tokenUrl", "Token URL",
        v => SecretFields.Auth(v).OAuth2.TokenUrl, (v, s) => SecretFields.WithAuth(v, a => a with { OAuth2 = a.OAuth2 with { TokenUrl = s } }));

    /// <summary>Scopes as one space-separated text (how OAuth2 writes them); stored as a list.</summary>
    public static ValueField<string> OAuth2Scopes { get; } = new(
        "monitoring.otelCollector.remoteWrite.auth.oauth2.scopes", "Scopes (space-separated)",
        v => string.Join(' ', SecretFields.Auth(v).OAuth2.Scopes),
        (v, s) => SecretFields.WithAuth(v, a => a with { OAuth2 = a.OAuth2 with { Scopes = s.Split(' ', StringSplitOptions.RemoveEmptyEntries) } }));

    public static ValueField<bool> DashboardsEnabled { get; } = new(
        "monitoring.dashboards.enabled", "Grafana dashboards",
        v => v.Monitoring.Dashboards.Enabled, (v, b) => v with { Monitoring = v.Monitoring with { Dashboards = v.Monitoring.Dashboards with { Enabled = b } } });

    public static ValueField<bool> HealthchecksEnabled { get; } = new(
        "monitoring.healthchecks.enabled", "healthchecks.io ping",
        v => v.Monitoring.Healthchecks.Enabled, (v, b) => WithHealthchecks(v, h => h with { Enabled = b }));

    public static ValueField<string> HealthchecksPingUrl { get; } = new(
        "monitoring.healthchecks.pingUrl", "Ping URL",
        v => v.Monitoring.Healthchecks.PingUrl, (v, s) => WithHealthchecks(v, h => h with { PingUrl = s }));

    public static ValueField<string> Registry { get; } = new(
        "images.registry", "Registry mirror", v => v.Images.Registry, (v, s) => v with { Images = v.Images with { Registry = s } });

    /// <summary>Pull secrets as a comma-separated text; stored as a list.</summary>
    public static ValueField<string> PullSecrets { get; } = new(
        "images.pullSecrets", "Image pull secrets (comma-separated)",
        v => string.Join(", ", v.Images.PullSecrets),
        (v, s) => v with { Images = v.Images with { PullSecrets = s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) } });

    public static ValueField<string> PullPolicy { get; } = new(
        "images.pullPolicy", "Pull policy", v => v.Images.PullPolicy, (v, s) => v with { Images = v.Images with { PullPolicy = s } });

    public static ValueField<string> RegistryTlsSecret { get; } = new(
        "registryTls.existingSecret", "Registry TLS Secret",
        v => v.RegistryTls.ExistingSecret, (v, s) => v with { RegistryTls = v.RegistryTls with { ExistingSecret = s } });

    public static ValueField<ClusterAccess> ClusterAccess { get; } = new(
        "toolManager.clusterAccess", "Cluster access of tool-manager",
        v => v.ToolManager.ClusterAccess, (v, a) => v with { ToolManager = v.ToolManager with { ClusterAccess = a } });

    internal static RunnerValues WithOtel(RunnerValues v, Func<OtelCollectorValues, OtelCollectorValues> change) =>
        v with { Monitoring = v.Monitoring with { OtelCollector = change(v.Monitoring.OtelCollector) } };

    internal static RunnerValues WithRemoteWrite(RunnerValues v, Func<RemoteWriteValues, RemoteWriteValues> change) =>
        WithOtel(v, o => o with { RemoteWrite = change(o.RemoteWrite) });

    private static RunnerValues WithHealthchecks(RunnerValues v, Func<HealthchecksValues, HealthchecksValues> change) =>
        v with { Monitoring = v.Monitoring with { Healthchecks = change(v.Monitoring.Healthchecks) } };
}
