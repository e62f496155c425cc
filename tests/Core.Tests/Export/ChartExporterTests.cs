using k8s;
using k8s.Models;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Export;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Tests.Rendering;
using RunnerConsole.Core.Values;
using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Core.Tests.Export;

public sealed class ChartExporterTests : IDisposable
{
    private const string Release = "runner";
    private const string Namespace = "kubiya";

    private readonly string _dir = Directory.CreateTempSubdirectory("chart-export-").FullName;
    private readonly ToolRunner _tools = new();

    public void Dispose()
    {
        _tools.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static RunnerValues ValuesWithExistingSecrets => RunnerValues.Defaults with
    {
        Runner = new RunnerIdentity { Name = "eu-runner", Organization = "acme" },
        Cloud = new CloudValues
        {
            RunnerCredentials = SecretSource.FromExistingSecret("runner-nats-creds"),
            CustomerCredentials = SecretSource.FromExistingSecret("customer-nats-creds"),
        },
    };

    private static ManifestSet Render(RunnerValues values) =>
        RunnerRenderer.Render(values, RunnerCatalog.Default.Latest, Release, Namespace, new RenderContext(new TestSecretMaterial()));

    [Fact]
    public void Export_InlineSecretValues_IsRefusedNamingEachSecret()
    {
        var values = ValuesWithExistingSecrets with
        {
            Cloud = ValuesWithExistingSecrets.Cloud with { RunnerCredentials = SecretSource.FromValue("planted-secret-value") },
        };

        var result = ChartExporter.Export(Render(values), values, RunnerCatalog.Default.Latest, Release, Namespace);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("secret/", problem);
        Assert.Contains("existingSecret", problem);
        Assert.DoesNotContain("planted-secret-value", problem);
    }

    [Fact]
    public void Export_DefaultRunner_ShipsNoKeyMaterialAndNamesChartAfterVersion()
    {
        var version = RunnerCatalog.Default.Latest;

        var result = ChartExporter.Export(Render(ValuesWithExistingSecrets), ValuesWithExistingSecrets, version, Release, Namespace);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var chart = result.Chart!;
        Assert.Equal($"kubiya-runner-{version.Version}.tgz", chart.FileName);
        Assert.Contains($"version: {version.Version}", chart.Files["Chart.yaml"]);
        Assert.Contains("apiVersion: v2", chart.Files["Chart.yaml"]);
        Assert.DoesNotContain(chart.Files.Values, f => f.Contains("test-private-key-placeholder", StringComparison.Ordinal));
        Assert.DoesNotContain(chart.Files.Values, f => f.Contains("PRIVATE KEY", StringComparison.Ordinal));
        Assert.Contains(chart.Files.Values, f => f.Contains("genSelfSignedCert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_DefaultRunner_HelmLintPassesAndHelmTemplateRendersTheSameObjects()
    {
        var manifests = Render(ValuesWithExistingSecrets);
        var chart = ChartExporter.Export(manifests, ValuesWithExistingSecrets, RunnerCatalog.Default.Latest, Release, Namespace).Chart!;
        var package = await ChartArchive.WriteAsync(chart, _dir, TestContext.Current.CancellationToken);

        var lint = await _tools.HelmAsync("lint", package);
        var template = await _tools.HelmAsync("template", Release, package, "--namespace", Namespace);

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.True(template.ExitCode == 0, template.ToString());
        var fromHelm = KubernetesYaml.LoadAllFromString(template.Stdout)
            .OfType<IKubernetesObject<V1ObjectMeta>>()
            .ToDictionary(o => $"{o.Kind}/{o.Metadata.Name}");
        Assert.Equal(manifests.Select(m => $"{m.Kind}/{m.Name}").Order(), fromHelm.Keys.Order());
        foreach (var manifest in manifests.Where(m => m.Kind != "Secret"))
        {
            Assert.Equal(KubernetesJson.Serialize(manifest.Object), KubernetesJson.Serialize(fromHelm[$"{manifest.Kind}/{manifest.Name}"]));
        }

        var tls = Assert.IsType<V1Secret>(fromHelm.Values.Single(o => o.Kind == "Secret"));
        Assert.Equal("kubernetes.io/tls", tls.Type);
        Assert.Contains("BEGIN CERTIFICATE", System.Text.Encoding.ASCII.GetString(tls.Data["tls.crt"]));
    }

    [Fact]
    public async Task WriteAsync_SameChartTwice_IsByteIdentical()
    {
        var chart = ChartExporter.Export(Render(ValuesWithExistingSecrets), ValuesWithExistingSecrets, RunnerCatalog.Default.Latest, Release, Namespace).Chart!;

        var first = await File.ReadAllBytesAsync(await ChartArchive.WriteAsync(chart, Path.Combine(_dir, "a"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var second = await File.ReadAllBytesAsync(await ChartArchive.WriteAsync(chart, Path.Combine(_dir, "b"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }
}
