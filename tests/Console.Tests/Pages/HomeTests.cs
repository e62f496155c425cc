using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Components.Pages;
using RunnerConsole.Hosting;

namespace RunnerConsole.Console.Tests.Pages;

public sealed class HomeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("home-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Render_NoKubeconfig_ShowsFriendlyEmptyState()
    {
        await using var context = TestConsoleContext.Create();
        context.Services.AddSingleton(new KubeconfigLocation(Path.Combine(_dir, "absent")));

        var page = context.Render<Home>();

        Assert.Contains("No cluster contexts found.", page.Markup);
        Assert.Contains("--kubeconfig", page.Markup);
        Assert.Empty(page.FindAll("table"));
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
        context.Services.AddSingleton(new KubeconfigLocation(path));

        var page = context.Render<Home>();

        var rows = page.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("prod", rows[0].TextContent);
        Assert.Contains("staging", rows[1].TextContent);
        Assert.Contains("current", rows[1].TextContent);
        Assert.Contains("https://eu.example:6443", rows[1].TextContent);
        Assert.DoesNotContain("No cluster contexts found.", page.Markup);
    }
}
