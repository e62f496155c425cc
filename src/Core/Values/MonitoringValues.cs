using System.ComponentModel;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace RunnerConsole.Core.Values;

/// <summary><c>monitoring.*</c>: the namespace-scoped monitoring stack.</summary>
public sealed record MonitoringValues
{
    [Description("kube-state-metrics, collecting only this namespace.")]
    public KubeStateMetricsValues KubeStateMetrics { get; init; } = new();

    [Description("blackbox-exporter, probing every runner service.")]
    public BlackboxExporterValues BlackboxExporter { get; init; } = new();

    [Description("OpenTelemetry collector (contrib): scrapes the runner and remote-writes to a central Prometheus.")]
    public OtelCollectorValues OtelCollector { get; init; } = new();

    [Description("Grafana dashboards as ConfigMaps for the Grafana sidecar.")]
    public DashboardsValues Dashboards { get; init; } = new();

    [Description("Dead-man's-switch ping to healthchecks.io while the runner is healthy.")]
    public HealthchecksValues Healthchecks { get; init; } = new();
}

/// <summary><c>monitoring.kubeStateMetrics.*</c>.</summary>
public sealed record KubeStateMetricsValues : PodValues
{
    public KubeStateMetricsValues()
    {
        Image = new ImageValues("registry.k8s.io/kube-state-metrics/kube-state-metrics");
        Resources = new(new("10m", "64Mi"), new("", "256Mi"));
    }

    [Description("Install this component.")]
    public bool Enabled { get; init; } = true;

    [Description("Number of pods.")]
    public int Replicas { get; init; } = 1;
}

/// <summary><c>monitoring.blackboxExporter.*</c>.</summary>
public sealed record BlackboxExporterValues : PodValues
{
    public BlackboxExporterValues()
    {
        Image = new ImageValues("quay.io/prometheus/blackbox-exporter");
        Resources = new(new("10m", "32Mi"), new("", "128Mi"));
    }

    [Description("Install this component.")]
    public bool Enabled { get; init; } = true;

    [Description("Number of pods.")]
    public int Replicas { get; init; } = 1;
}

/// <summary><c>monitoring.otelCollector.*</c>: scrapes the runner and writes to a central Prometheus.</summary>
public sealed record OtelCollectorValues : PodValues
{
    public OtelCollectorValues()
    {
        Image = new ImageValues("otel/opentelemetry-collector-contrib");
        Resources = new(new("100m", "128Mi"), new("", "512Mi"));
    }

    [Description("Install this component.")]
    public bool Enabled { get; init; } = true;

    [Description("Number of pods.")]
    public int Replicas { get; init; } = 1;

    [Description("Scrape interval, 15s to 60s.")]
    public string ScrapeInterval { get; init; } = "30s";

    [Description("Labels added to every series (besides `organization` and `runner`).")]
    public IReadOnlyDictionary<string, string> ExternalLabels { get; init; } = EmptyMap;

    [Description("Prometheus remote write.")]
    public RemoteWriteValues RemoteWrite { get; init; } = new();
}

/// <summary><c>monitoring.otelCollector.remoteWrite.*</c>.</summary>
public sealed record RemoteWriteValues
{
    [Description("https URL of the Prometheus remote-write endpoint; empty disables remote write.")]
    public string Url { get; init; } = "";

    [Description("Authentication of remote write.")]
    public RemoteWriteAuthValues Auth { get; init; } = new();
}

/// <summary><c>…remoteWrite.auth.type</c>.</summary>
public enum RemoteWriteAuthType
{
    None,
    Basic,
    Bearer,
    [EnumMember(Value = "oauth2")]
    OAuth2,
}

/// <summary><c>monitoring.otelCollector.remoteWrite.auth.*</c>: only the block named by <see cref="Type"/> is used.</summary>
public sealed record RemoteWriteAuthValues
{
    [Description("`none`, `basic`, `bearer` or `oauth2`; only the matching block is used.")]
    public RemoteWriteAuthType Type { get; init; } = RemoteWriteAuthType.None;

    [Description("Basic authentication.")]
    public BasicAuthValues Basic { get; init; } = new();

    [Description("Bearer token authentication.")]
    public BearerAuthValues Bearer { get; init; } = new();

    [Description("OAuth2 client credentials.")]
    [JsonPropertyName("oauth2")]
    [ValuesAlias("oAuth2")]
    public OAuth2Values OAuth2 { get; init; } = new();
}

/// <summary><c>…auth.basic</c>.</summary>
public sealed record BasicAuthValues
{
    [Description("Basic auth user name.")]
    public string Username { get; init; } = "";

    [Description("Basic auth password (default key `password`).")]
    public SecretSource Password { get; init; } = new();
}

/// <summary><c>…auth.bearer</c>.</summary>
public sealed record BearerAuthValues
{
    [Description("Bearer token (default key `token`).")]
    public SecretSource Token { get; init; } = new();
}

/// <summary><c>…auth.oauth2</c>: OAuth2 client credentials.</summary>
public sealed record OAuth2Values
{
    [Description("OAuth2 client id.")]
    public string ClientId { get; init; } = "";

    [Description("OAuth2 client secret (default key `clientSecret`).")]
    public SecretSource ClientSecret { get; init; } = new();

    [Description("https token endpoint.")]
    public string TokenUrl { get; init; } = "";

    [Description("OAuth2 scopes requested.")]
    public IReadOnlyList<string> Scopes { get; init; } = [];

    [Description("Extra parameters sent to the token endpoint.")]
    public IReadOnlyDictionary<string, string> EndpointParams { get; init; } = PodValues.EmptyMap;
}

/// <summary><c>monitoring.dashboards.*</c>: Grafana dashboards as ConfigMaps for the Grafana sidecar.</summary>
public sealed record DashboardsValues
{
    [Description("Install this component.")]
    public bool Enabled { get; init; } = true;

    [Description("Labels that make the Grafana sidecar pick the ConfigMaps up.")]
    public IReadOnlyDictionary<string, string> Labels { get; init; } =
        new Dictionary<string, string> { ["grafana_dashboard"] = "1" }.AsReadOnly();

    [Description("Grafana folder the sidecar files the dashboards under (annotation); empty for the default folder.")]
    public string Folder { get; init; } = "";
}

/// <summary><c>monitoring.healthchecks.*</c>: dead-man's-switch ping to healthchecks.io while the runner is healthy.</summary>
public sealed record HealthchecksValues : PodValues
{
    public HealthchecksValues()
    {
        Image = new ImageValues("docker.io/curlimages/curl");
        Resources = new(new("10m", "16Mi"), new("", "64Mi"));
    }

    [Description("Off by default: it needs a check URL.")]
    public bool Enabled { get; init; }

    [Description("Image of the step that checks the runner's workloads are ready before the ping (kubectl); the ping itself uses Image (curl).")]
    public ImageValues KubectlImage { get; init; } = new("registry.k8s.io/kubectl");

    [Description("https check URL to ping; required when enabled.")]
    public string PingUrl { get; init; } = "";

    [Description("Cron schedule (5 fields).")]
    public string Schedule { get; init; } = "*/5 * * * *";
}
