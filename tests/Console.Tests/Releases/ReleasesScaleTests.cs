using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RunnerConsole.Auth;
using RunnerConsole.Console.Tests.Operate;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;
using RunnerConsole.Sandbox.Faults;

namespace RunnerConsole.Console.Tests.Releases;

/// <summary>
/// 200 releases: the list is one request, and health is checked only for the rows on screen — counted in the sandbox's
/// request log (each health check reads its release's ConfigMap), never timed.
/// </summary>
public sealed class ReleasesScaleTests(ScaleSandbox sandbox) : IClassFixture<ScaleSandbox>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Load_TwoHundredReleases_OneListRequestAndNoHealthChecks()
    {
        var model = sandbox.Model();
        sandbox.Server.Log.Clear();

        await model.LoadAsync(Ct);

        Assert.Null(model.Error);
        Assert.Equal(ScaleSandbox.Count, model.Total);
        var request = Assert.Single(sandbox.SecretRequests());
        Assert.Equal("list (all namespaces) ?labelSelector=owner=helm", request);
        Assert.Empty(sandbox.ReleasesRead());
        Assert.Equal(0, model.HealthChecksStarted);
        Assert.Equal(2, model.Rows.Single(r => r.Name == ScaleSandbox.Name(0)).Revision);
        Assert.Equal([.. Enumerable.Range(0, ScaleSandbox.Count).Select(ScaleSandbox.Name)], model.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Search_TwoHundredReleases_FiltersByNameOrNamespace()
    {
        var model = sandbox.Model();
        await model.LoadAsync(Ct);

        model.Search = "SCALE-19";
        Assert.Equal([.. Enumerable.Range(190, 10).Select(ScaleSandbox.Name)], model.Rows.Select(r => r.Name));
        Assert.Same(model.Rows, model.Rows);
        model.Search = ScaleSandbox.Namespace;
        Assert.Equal(ScaleSandbox.Count, model.Rows.Count);
        model.Search = "no-such-release";
        Assert.Empty(model.Rows);
        Assert.Equal(ScaleSandbox.Count, model.Total);
    }

    [Fact]
    public async Task WatchHealth_VisibleRowsThenLaterRows_ChecksExactlyThoseRows()
    {
        var model = sandbox.Model();
        await model.LoadAsync(Ct);
        sandbox.Server.Log.Clear();

        // The first screenful is shown.
        var top = model.Rows.Take(20).ToList();
        var leases = top.Select(model.WatchHealth).ToList();
        await UntilAsync(model, () => top.All(r => model.HealthOf(r) is not null));

        Assert.Equal(top.Select(r => r.Name).ToHashSet(), sandbox.ReleasesRead());
        Assert.All(top, r => Assert.Equal(new ReleaseRowHealth(ReleaseHealth.Healthy, "1 objects"), model.HealthOf(r)));
        Assert.DoesNotContain(sandbox.SecretRequests(), r => r.StartsWith("list (all namespaces)", StringComparison.Ordinal));

        // Scrolled to the end: the top rows leave, the last ones are checked; nothing in between is.
        leases.ForEach(l => l.Dispose());
        var bottom = model.Rows.TakeLast(20).ToList();
        leases = [.. bottom.Select(model.WatchHealth)];
        await UntilAsync(model, () => bottom.All(r => model.HealthOf(r) is not null));

        Assert.Equal(top.Concat(bottom).Select(r => r.Name).ToHashSet(), sandbox.ReleasesRead());
        Assert.Equal(40, model.HealthChecksStarted);
        Assert.All(model.Rows.Skip(20).SkipLast(20), r => Assert.Null(model.HealthOf(r)));
        leases.ForEach(l => l.Dispose());
        model.Close();
    }

    [Fact]
    public async Task Releases_TwoHundredReleases_ChecksHealthOfRenderedRowsOnlyThenOfRowsBroughtIntoView()
    {
        await using var context = PageContext();
        sandbox.Server.Log.Clear();
        var page = context.Render<RunnerConsole.Components.Pages.Releases.Releases>();

        // The table is virtualised: all 200 are counted, only some rows are rendered, and each of those gets its health.
        await page.WaitForAssertionAsync(
            () =>
            {
                Assert.Contains($"of {ScaleSandbox.Count} release(s)", page.Markup);
                Assert.NotEmpty(RenderedRows(page));
                Assert.Empty(page.FindAll("[aria-label='Checking health']"));
            },
            OperateTestContext.Patience);
        var rendered = RenderedRows(page);
        Assert.InRange(rendered.Count, 1, ScaleSandbox.Count - 20);
        Assert.Equal(rendered.ToHashSet(), sandbox.ReleasesRead());
        Assert.Equal(rendered.Count, page.Instance.Model.HealthChecksStarted);
        Assert.All(page.FindAll("tr:has(a[href*='/scale-'])"), row => Assert.Contains("healthy", row.TextContent));

        // Rows brought into view by the filter (none of them rendered before) are checked then.
        var later = Enumerable.Range(190, 10).Select(ScaleSandbox.Name).ToList();
        Assert.Empty(later.Intersect(rendered));
        page.Find(".releases-search input").Input("scale-19");
        await page.WaitForAssertionAsync(
            () =>
            {
                Assert.Equal(later, RenderedRows(page));
                Assert.Empty(page.FindAll("[aria-label='Checking health']"));
            },
            OperateTestContext.Patience);
        Assert.Equal(rendered.Concat(later).ToHashSet(), sandbox.ReleasesRead());
        Assert.Contains("10 of 200 release(s)", page.Markup);
    }

    [Fact]
    public async Task Releases_PageLeftWhileChecking_CancelsItsHealthChecks()
    {
        // Object reads never answer (the client would give up only after a minute): only cancellation ends the checks.
        sandbox.Server.Faults.Add(new FaultRule { Verb = "get", Resource = "configmaps", Namespace = ScaleSandbox.Namespace, Action = FaultAction.Hang });
        try
        {
            await using var context = PageContext();
            var page = context.Render<RunnerConsole.Components.Pages.Releases.Releases>();
            var model = page.Instance.Model;
            Assert.True(SpinWait.SpinUntil(() => model.HealthChecksActive == ReleasesModel.HealthParallelism, OperateTestContext.Patience));

            await context.DisposeComponentsAsync();

            Assert.True(SpinWait.SpinUntil(() => model.HealthChecksActive == 0, TimeSpan.FromSeconds(20)), $"{model.HealthChecksActive} checks still running");
            Assert.Equal(ReleasesModel.HealthParallelism, model.HealthChecksStarted);
            Assert.All(model.Rows, r => Assert.Null(model.HealthOf(r)));
        }
        finally
        {
            sandbox.Server.Faults.Clear();
        }
    }

    private static List<string> RenderedRows(IRenderedComponent<RunnerConsole.Components.Pages.Releases.Releases> page) =>
        [.. page.FindAll("tr a[href*='/scale-']").Select(a => a.TextContent.Trim())];

    // Event-driven: the model announces batches of health results.
    private static async Task UntilAsync(ReleasesModel model, Func<bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                done.TrySetResult();
            }
        }

        model.Changed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(OperateTestContext.Patience, Ct);
        }
        finally
        {
            model.Changed -= Check;
        }
    }

    private BunitContext PageContext()
    {
        var context = TestConsoleContext.Create();
        context.Services.AddLogging();
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton(sandbox.Get<ClusterSessions>());
        context.Services.AddSingleton(sandbox.Get<OperationRunner>());
        context.Services.AddTransient<ReleasesModel>();
        var auth = context.AddAuthorization();
        auth.SetAuthorized(ConsoleRoles.Viewer);
        auth.SetRoles(ConsoleRoles.Viewer);
        context.Render<MudPopoverProvider>();
        return context;
    }
}
