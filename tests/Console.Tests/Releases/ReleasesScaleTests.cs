using System.Text.Json.Nodes;
using Bunit;
using RunnerConsole.Auth;
using RunnerConsole.Console.Tests.Operate;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Console.Tests.Releases;

public sealed class ReleasesScaleTests(OperateSandbox sandbox) : IClassFixture<OperateSandbox>
{
    // Open bug (issue 6): with 200 releases the page's health checks keep the renderer busy for over a minute on a
    // loaded 2-core machine, so this check starves; skipped with this reason until the list loads health lazily.
    [Fact(Skip = "open bug: the 200-release list blocks the renderer while it checks every release's health (issue 6)")]
    public async Task Releases_TwoHundredReleases_ListsAllButRendersOnlyVisibleRows()
    {
        var engine = await sandbox.Get<ClusterSessions>().GetAsync(OperateSandbox.Context, Xunit.TestContext.Current.CancellationToken);
        await engine.Cluster.ApplyAsync(
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "scale" } },
            new ApplyOptions(), Xunit.TestContext.Current.CancellationToken);
        for (var i = 0; i < 200; i++)
        {
            await engine.Store.CreateAsync(Record($"scale-{i:000}"), "install by seed", Xunit.TestContext.Current.CancellationToken);
        }

        var model = sandbox.Get<ReleasesModel>();
        model.Initialize(OperateSandbox.Context);
        // How fast is a benchmark's question; here: all are listed, and the page stays virtualised.
        await model.LoadAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(200, model.Total);

        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Viewer);
        var page = context.Render<RunnerConsole.Components.Pages.Releases.Releases>();

        // The table is virtualised: all 200 are counted, only the rows in view are in the DOM.
        await page.WaitForAssertionAsync(
            () =>
            {
                Assert.Contains("of 200 release(s)", page.Markup);
                Assert.InRange(page.FindAll("tr:has(a[href*='/scale-'])").Count, 1, 199);
            },
            OperateTestContext.Patience);
    }

    private static ReleaseRecord Record(string name) => new()
    {
        Name = name,
        Namespace = "scale",
        Version = 1,
        Info = new ReleaseInfo { Status = ReleaseStatus.Deployed, Description = "Install complete" },
        Chart = new ChartRecord { Metadata = ReleaseRequests.ChartMetadataFor(Core.Catalog.RunnerCatalog.Default.Latest) },
        Manifest = string.Empty,
    };
}
