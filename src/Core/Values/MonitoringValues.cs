namespace RunnerConsole.Core.Values;

/// <summary><c>monitoring.*</c>: the namespace-scoped monitoring stack.</summary>
public sealed record MonitoringValues
{
    public KubeStateMetricsValues KubeStateMetrics { get; init; } = new();

    public BlackboxExporterValues BlackboxExporter { get; init; } = new();

    public OtelCollectorValues OtelCollector { get; init; } = new();

    public DashboardsValues Dashboards { get; init; } = new();

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

    public bool Enabled { get; init; } = true;

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

    public bool Enabled { get; init; } = true;

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

    public bool Enabled { get; init; } = true;

    public int Replicas { get; init; } = 1;

    /// <summary>Scrape interval, 15s to 60s.</summary>
    public string ScrapeInterval { get; init; } = "30s";

    /// <summary>Labels added to every series (besides <c>organization</c> and <c>runner</c>).</summary>
    public IReadOnlyDictionary<string, string> ExternalLabels { get; init; } = EmptyMap;

    public RemoteWriteValues RemoteWrite { get; init; } = new();
}

/// <summary><c>monitoring.otelCollector.remoteWrite.*</c>.</summary>
public sealed record RemoteWriteValues
{
    /// <summary>https URL of the Prometheus remote-write endpoint; empty disables remote write.</summary>
    public string Url { get; init; } = "";

    public RemoteWriteAuthValues Auth { get; init; } = new();
}

/// <summary><c>…remoteWrite.auth.type</c>.</summary>
public enum RemoteWriteAuthType
{
    None,
    Basic,
    Bearer,
    OAuth2,
}

/// <summary><c>monitoring.otelCollector.remoteWrite.auth.*</c>: only the block named by <see cref="Type"/> is used.</summary>
public sealed record RemoteWriteAuthValues
{
    public RemoteWriteAuthType Type { get; init; } = RemoteWriteAuthType.None;

    public BasicAuthValues Basic { get; init; } = new();

    public BearerAuthValues Bearer { get; init; } = new();

    public OAuth2Values OAuth2 { get; init; } = new();
}

/// <summary><c>…auth.basic</c>.</summary>
public sealed record BasicAuthValues
{
    public string Username { get; init; } = "";

    public SecretSource Password { get; init; } = new();
}

/// <summary><c>…auth.bearer</c>.</summary>
public sealed record BearerAuthValues
{
    public SecretSource Token { get; init; } = new();
}

/// <summary><c>…auth.oauth2</c>: OAuth2 client credentials.</summary>
public sealed record OAuth2Values
{
    public string ClientId { get; init; } = "";

    public SecretSource ClientSecret { get; init; } = new();

    /// <summary>https token endpoint.</summary>
    public string TokenUrl { get; init; } = "";

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public IReadOnlyDictionary<string, string> EndpointParams { get; init; } = PodValues.EmptyMap;
}

/// <summary><c>monitoring.dashboards.*</c>: Grafana dashboards as ConfigMaps for the Grafana sidecar.</summary>
public sealed record DashboardsValues
{
    public bool Enabled { get; init; } = true;

    /// <summary>Labels that make the Grafana sidecar pick the ConfigMaps up.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } =
        new Dictionary<string, string> { ["grafana_dashboard"] = "1" };

    /// <summary>Grafana folder the sidecar files the dashboards under (annotation); empty for the default folder.</summary>
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

    /// <summary>Off by default: it needs a check URL.</summary>
    public bool Enabled { get; init; }

    /// <summary>Image of the step that checks the runner's workloads are ready before the ping (kubectl); the ping itself uses <see cref="ContainerValues.Image"/> (curl).</summary>
    public ImageValues KubectlImage { get; init; } = new("registry.k8s.io/kubectl");

    /// <summary>https check URL to ping; required when enabled.</summary>
    public string PingUrl { get; init; } = "";

    /// <summary>Cron schedule (5 fields).</summary>
    public string Schedule { get; init; } = "*/5 * * * *";
}
