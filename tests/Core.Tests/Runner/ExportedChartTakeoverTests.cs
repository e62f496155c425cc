using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Export;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Runner;
using RunnerConsole.Core.Values;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Core.Tests.Runner;

/// <summary>A GitOps user installs our exported chart with helm; the console then upgrades that very release.</summary>
public sealed class ExportedChartTakeoverTests : IAsyncDisposable
{
    private const string Release = "runner";
    private const string Namespace = "kubiya";

    private readonly string _dir = Directory.CreateTempSubdirectory("chart-takeover-").FullName;
    private readonly ToolRunner _tools = new();
    private SandboxServer? _server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        _tools.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Upgrade_ReleaseHelmInstalledFromExportedChart_ContinuesItsHistoryAndKeepsTheKeyPair()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { ControllerDelay = TimeSpan.FromMilliseconds(20) }, Ct);
        _tools.Kubeconfig = _server.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
        var version = RunnerCatalog.Default.Latest;
        var values = RunnerValues.Defaults with
        {
            Runner = new RunnerIdentity { Name = "eu-runner", Organization = "acme" },
            Cloud = new CloudValues
            {
                RunnerCredentials = SecretSource.FromExistingSecret("runner-nats-creds"),
                CustomerCredentials = SecretSource.FromExistingSecret("customer-nats-creds"),
            },
        };
        var manifests = RunnerRenderer.Render(values, version, Release, Namespace, RenderContext.ForInstall(TimeProvider.System));
        var chart = ChartExporter.Export(manifests, values, version, Release, Namespace).Chart!;
        var package = await ChartArchive.WriteAsync(chart, _dir, Ct);

        var install = await _tools.HelmAsync("install", Release, package, "-n", Namespace, "--create-namespace");
        Assert.True(install.ExitCode == 0, install.ToString());

        using var cluster = KubeCluster.FromKubeconfig(_tools.Kubeconfig, SandboxServer.ContextName);
        var context = new OperationContext(cluster);
        var helmKey = await cluster.GetAsync(new ObjectKey("v1", "Secret", Namespace, $"{Release}-registry-tls"), Ct);
        var bumped = values with { ToolManager = values.ToolManager with { Replicas = 4 } };
        var request = await RunnerRelease.PrepareAsync(bumped, version, Release, Namespace, cluster, TimeProvider.System, Ct);
        var upgrade = await new UpgradeOperation(context).RunAsync(request, install: false, new OperationOptions
        {
            Operator = "takeover-test",
            ForceConflicts = true,
            Timeout = TimeSpan.FromSeconds(60),
            PollInterval = TimeSpan.FromMilliseconds(50),
        }, null, Ct);

        Assert.True(upgrade.Succeeded, upgrade.Message);
        var history = await new HistoryOperation(context).RunAsync(Release, Namespace, Ct);
        Assert.Equal([ReleaseStatus.Superseded, ReleaseStatus.Deployed], history.Select(h => h.Status));
        var toolManager = await cluster.GetAsync(new ObjectKey("apps/v1", "Deployment", Namespace, "tool-manager"), Ct);
        Assert.Equal(4, (int?)toolManager!["spec"]!["replicas"]);
        var ourKey = await cluster.GetAsync(new ObjectKey("v1", "Secret", Namespace, $"{Release}-registry-tls"), Ct);
        Assert.NotNull(helmKey);
        Assert.Equal(helmKey["data"]!["tls.key"]!.ToJsonString(), ourKey!["data"]!["tls.key"]!.ToJsonString());
        var helmHistory = await _tools.HelmAsync("history", Release, "-n", Namespace);
        Assert.True(helmHistory.ExitCode == 0, helmHistory.ToString());
        Assert.Contains("deployed", helmHistory.Stdout);
    }
}
