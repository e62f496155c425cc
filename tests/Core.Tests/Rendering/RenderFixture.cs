using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>The values files the rendering tests share, and renders of them with deterministic secret material.</summary>
internal static class RenderFixture
{
    public const string Release = "kubiya-runner";
    public const string Namespace = "kubiya";

    public static string ValuesDirectory => Path.Combine(GoldenTests.SourceDirectory(), "Values");

    public static RunnerValues Load(string name)
    {
        var result = ValuesLoader.Load(File.ReadAllText(Path.Combine(ValuesDirectory, name + ".yaml")));
        Assert.True(result.IsValid, $"{name}.yaml: " + string.Join("; ", result.Errors));
        return result.Values!;
    }

    public static RunnerValues Default => Load("default");

    public static RunnerValues Full => Load("full");

    public static RunnerVersion VersionOf(RunnerValues values) => RunnerCatalog.Default.Resolve(values.Version)!;

    public static ManifestSet Render(RunnerValues values) =>
        RunnerRenderer.Render(values, VersionOf(values), Release, Namespace, new RenderContext(new TestSecretMaterial()));

    /// <summary>Every values variant the property tests run over: defaults, everything on, and each optional component off.</summary>
    public static TheoryData<string> Variants => new(
        "default", "full", "no-dagger", "no-monitoring", "no-kube-state-metrics", "no-blackbox", "basic-auth", "bearer-existing", "cluster-admin");

    public static RunnerValues Variant(string name) => name switch
    {
        "default" => Default,
        "full" => Full,
        "no-dagger" => Full with { Dagger = Full.Dagger with { Enabled = false } },
        "no-monitoring" => Full with
        {
            Monitoring = Full.Monitoring with
            {
                OtelCollector = Full.Monitoring.OtelCollector with { Enabled = false },
                KubeStateMetrics = Full.Monitoring.KubeStateMetrics with { Enabled = false },
                BlackboxExporter = Full.Monitoring.BlackboxExporter with { Enabled = false },
            },
        },
        "no-kube-state-metrics" => Full with { Monitoring = Full.Monitoring with { KubeStateMetrics = Full.Monitoring.KubeStateMetrics with { Enabled = false } } },
        "no-blackbox" => Full with { Monitoring = Full.Monitoring with { BlackboxExporter = Full.Monitoring.BlackboxExporter with { Enabled = false } } },
        "basic-auth" => WithAuth(Full, new RemoteWriteAuthValues
        {
            Type = RemoteWriteAuthType.Basic,
            Basic = new BasicAuthValues { Username = "runner", Password = SecretSource.FromValue("test-basic-password-placeholder") },
        }),
        "bearer-existing" => WithAuth(Full, new RemoteWriteAuthValues
        {
            Type = RemoteWriteAuthType.Bearer,
            Bearer = new BearerAuthValues { Token = SecretSource.FromExistingSecret("prometheus-token", "tok") },
        }),
        "cluster-admin" => Full with { ToolManager = Full.ToolManager with { ClusterAccess = ClusterAccess.Admin } },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown variant"),
    };

    private static RunnerValues WithAuth(RunnerValues values, RemoteWriteAuthValues auth) => values with
    {
        Monitoring = values.Monitoring with
        {
            OtelCollector = values.Monitoring.OtelCollector with
            {
                RemoteWrite = values.Monitoring.OtelCollector.RemoteWrite with { Auth = auth },
            },
        },
    };
}
