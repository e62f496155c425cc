using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Components.Pages;
using RunnerConsole.Hosting;
using RunnerConsole.Model.Clusters;

namespace RunnerConsole.Console.Tests.Pages;

public sealed class HomeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("home-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AddClusters(BunitContext context, string kubeconfigPath)
    {
        context.Services.AddSingleton(new ConsoleWebAppSettings());
        context.Services.AddSingleton(new KubeconfigLocation(kubeconfigPath));
        context.Services.AddSingleton<SandboxHost>();
        context.Services.AddSingleton<IClusterDirectory, ClusterDirectory>();
        context.Services.AddLogging();
    }

    [Fact]
    public async Task Render_NoKubeconfig_ShowsFriendlyEmptyState()
    {
        await using var context = TestConsoleContext.Create();
        AddClusters(context, Path.Combine(_dir, "absent"));

        var page = context.Render<Home>();

        Assert.Contains("No cluster contexts found.", page.Markup);
        Assert.Contains("--kubeconfig", page.Markup);
        var row = Assert.Single(page.FindAll("tbody tr"));
        Assert.Contains("Sandbox — simulated cluster", row.TextContent);
        Assert.Contains("simulated, in memory", row.TextContent);
    }

    [Fact]
    public async Task Render_KubeconfigWithContexts_ListsThemWithServerAndCurrentMarker()
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            current-context: staging
            clusters:
            - name: eu
              cluster: { server: "https://eu.example:6443" }
            users:
            - name: ops
              user: { token: t }
            contexts:
            - name: staging
              context: { cluster: eu, user: ops, namespace: kubiya }
            - name: prod
              context: { cluster: eu, user: ops }
            """);
        await using var context = TestConsoleContext.Create();
        AddClusters(context, path);

        var page = context.Render<Home>();

        var rows = page.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("staging", rows[0].TextContent);
        Assert.Contains("current", rows[0].TextContent);
        Assert.Contains("https://eu.example:6443", rows[0].TextContent);
        Assert.Contains("prod", rows[1].TextContent);
        Assert.DoesNotContain("No cluster contexts found.", page.Markup);
        Assert.DoesNotContain("Sandbox", page.Markup);
    }
}
