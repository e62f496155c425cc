using BenchmarkDotNet.Attributes;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Benchmarks;

/// <summary>
/// Render of the full runner (every component on, OAuth2 remote write, registry mirror). Target: under 1 ms and
/// 5 MB allocated per render. The key pair is issued once in setup: key generation is the install's cost, not render's.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1852 // BenchmarkDotNet generates a subclass: benchmark classes must not be sealed.
public class RenderBenchmarks
#pragma warning restore CA1852
{
    private RunnerValues _values = RunnerValues.Defaults;
    private RunnerVersion _version = RunnerCatalog.Default.Latest;
    private RenderContext _context = new(new ExistingRegistryTls(new([], [])));
    private ManifestSet _rendered = ManifestSet.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _values = FullRunner();
        _version = RunnerCatalog.Default.Latest;
        var request = new RegistryTlsRequest("kubiya", "kubiya-runner-registry-tls", ["registry.kubiya.svc"]);
        _context = new RenderContext(new ExistingRegistryTls(new SelfSignedRegistryTls(TimeProvider.System).GetRegistryTls(request)));
        _rendered = Render();
    }

    [Benchmark(Description = "Render (typed objects)")]
    public ManifestSet Render() => RunnerRenderer.Render(_values, _version, "kubiya-runner", "kubiya", _context);

    [Benchmark(Description = "Render + YAML")]
    public string RenderToYaml() => RunnerRenderer.Render(_values, _version, "kubiya-runner", "kubiya", _context).ToYaml();

    [Benchmark(Description = "YAML of a rendered set")]
    public string Serialize() => _rendered.ToYaml();

    private static RunnerValues FullRunner()
    {
        var d = RunnerValues.Defaults;
        return d with
        {
            Runner = new RunnerIdentity { Name = "bench", Organization = "acme", Uuid = "3f0c6a8e-1b2d-4c5e-9f70-123456789abc", Environment = "production" },
            Cloud = d.Cloud with
            {
                RunnerCredentials = SecretSource.FromValue("bench-runner-credentials"),
                CustomerCredentials = SecretSource.FromValue("bench-customer-credentials"),
            },
            Images = d.Images with { Registry = "mirror.example.com/kubiya", PullSecrets = ["mirror-pull"] },
            ImageUpdater = d.ImageUpdater with { Enabled = true, VersionsUrl = "https://versions.example.com/runner.json" },
            Monitoring = d.Monitoring with
            {
                OtelCollector = d.Monitoring.OtelCollector with
                {
                    RemoteWrite = new RemoteWriteValues
                    {
                        Url = "https://prometheus.example.com/api/v1/write",
                        Auth = new RemoteWriteAuthValues
                        {
                            Type = RemoteWriteAuthType.OAuth2,
                            OAuth2 = new OAuth2Values
                            {
                                ClientId = "runner-metrics",
                                ClientSecret = SecretSource.FromValue("bench-client-secret"),
                                TokenUrl = "https://auth.example.com/oauth2/token",
                                Scopes = ["metrics.write"],
                            },
                        },
                    },
                },
                Healthchecks = d.Monitoring.Healthchecks with { Enabled = true, PingUrl = "https://hc-ping.com/00000000-0000-0000-0000-000000000000" },
            },
        };
    }
}
