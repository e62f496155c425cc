using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;
using RunnerConsole.E2E.Tests.Infrastructure;
using RunnerConsole.Hosting;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.E2E.Tests.Operate;

/// <summary>
/// 200 releases in a real browser: the list shows at once, the rows on screen get their health, the table keeps only
/// a window of rows in the page, and scrolling to the end brings the last release into view with its health.
/// </summary>
public sealed class ReleasesScaleFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const int Count = 200;
    private const string Namespace = "e2e-scale";
    private static readonly float Patience = 60_000;

    private readonly ConsoleAppFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var engine = await _app.Services.GetRequiredService<ClusterSessions>().GetAsync(SandboxHost.ContextName, ct);
        await engine.Cluster.ApplyAsync(Object("Namespace", Namespace, null), new ApplyOptions(), ct);
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var name = Name(i);
            await engine.Cluster.ApplyAsync(Object("ConfigMap", name, Namespace), new ApplyOptions(), token);
            await engine.Store.CreateAsync(Record(name), "install by seed", token);
        });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Releases_TwoHundred_VisibleRowsGetHealthAndScrollingReachesTheLast()
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(_app.BaseAddress, $"/signin?token={ConsoleAppFactory.ViewerToken}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(_app.BaseAddress, "/releases").ToString());
        await page.Locator("[data-circuit='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        await Assertions.Expect(page.GetByText($"{Count} of {Count} release(s)")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(Row(page, Name(0))).ToContainTextAsync("healthy", new() { Timeout = Patience });

        // Virtualised: only a window of the 200 rows is in the page.
        var inPage = await page.Locator("tr.release-row").CountAsync();
        Assert.InRange(inPage, 1, Count / 2);
        Assert.Equal(0, await Row(page, Name(Count - 1)).CountAsync());

        // Scrolled to the end: the last release is rendered and its health arrives.
        await page.Locator(".mud-table-container").EvaluateAsync("el => el.scrollTop = el.scrollHeight");
        var last = Row(page, Name(Count - 1));
        await Assertions.Expect(last).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(last).ToContainTextAsync("healthy", new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("releases-200.png") });
    }

    private static ILocator Row(IPage page, string name) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    private static string Name(int index) => $"scale-{index:000}";

    private static ReleaseRecord Record(string name) => new()
    {
        Name = name,
        Namespace = Namespace,
        Version = 1,
        Info = new ReleaseInfo { Status = ReleaseStatus.Deployed, Description = "seeded" },
        Chart = new ChartRecord { Metadata = ReleaseRequests.ChartMetadataFor(RunnerCatalog.Default.Latest) },
        Manifest = $"---\n# Source: scale/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {Namespace}\n",
    };

    private static JsonObject Object(string kind, string name, string? ns)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = kind, ["metadata"] = metadata };
    }
}
