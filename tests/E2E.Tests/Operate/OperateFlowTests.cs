using Microsoft.Playwright;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Values;
using RunnerConsole.E2E.Tests.Infrastructure;
using static RunnerConsole.E2E.Tests.Infrastructure.ConsolePage;
using RunnerConsole.Hosting;

namespace RunnerConsole.E2E.Tests.Operate;

/// <summary>
/// The operate half in a real browser against the console with its built-in sandbox: release list → detail →
/// upgrade (diff, apply, progress) → rollback to revision 1 (diff preview) → uninstall with typed confirmation;
/// and a viewer who cannot mutate.
/// </summary>
public sealed class OperateFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Release = "e2e-runner";
    private const string Namespace = "e2e-kubiya";
    private readonly ConsoleAppFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        // Set up revision 1 the way the install wizard's plan would: through the console's own runner.
        var values = RunnerValues.Defaults with
        {
            Version = RunnerCatalog.Default.Versions[0].Version,
            Runner = new RunnerIdentity { Name = "e2e", Organization = "acme" },
            Cloud = RunnerValues.Defaults.Cloud with
            {
                RunnerCredentials = SecretSource.FromValue(Creds("RUNNER")),
                CustomerCredentials = SecretSource.FromValue(Creds("PLANTEDE2ESEED")),
            },
        };
        await _app.InstallAsync(Namespace, Release, values);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Operator_UpgradeRollbackUninstall_ThroughDiffAndProgress()
    {
        var page = await SignedInPageAsync(ConsoleAppFactory.OperatorToken);

        // Releases list → detail.
        await GoAsync(page, "/releases");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Release });
        await Assertions.Expect(row).ToContainTextAsync("upgrade available", new() { Timeout = Patience });
        await Assertions.Expect(row).ToContainTextAsync("healthy", new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("releases.png"), FullPage = true });
        await row.GetByRole(AriaRole.Link, new() { Name = Release }).ClickAsync();
        await ReadyAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Release, Exact = true })).ToBeVisibleAsync();

        // Upgrade → diff shows the version change → apply → progress completes.
        var newest = RunnerCatalog.Default.Latest.Version;
        await page.GetByRole(AriaRole.Button, new() { Name = $"Upgrade to {newest}" }).ClickAsync();
        await ReadyAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review changes" })).ToBeVisibleAsync();
        var summary = page.GetByRole(AriaRole.List, new() { Name = "Plan summary" });
        await Assertions.Expect(summary).ToBeVisibleAsync(new() { Timeout = Patience });
        Assert.NotEqual("0 changed", await summary.Locator("[data-action='changed']").GetAttributeAsync("aria-label"));
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Field changes" })).ToContainTextAsync(newest);
        await Assertions.Expect(page.Locator(".monaco-diff-editor").First).ToBeVisibleAsync(new() { Timeout = Patience });
        Assert.DoesNotContain("PLANTED", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("plan-upgrade.png"), FullPage = true });
        await page.GetByLabel("Reason (optional)").FillAsync("newest runner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await FinishedAsync(page);
        // A reload re-attaches to the same operation by id and replays its events.
        var objects = await page.GetByRole(AriaRole.Heading, new() { Name = "Objects" }).TextContentAsync();
        await page.ReloadAsync();
        await FinishedAsync(page);
        Assert.Equal(objects, await page.GetByRole(AriaRole.Heading, new() { Name = "Objects" }).TextContentAsync());
        await Assertions.Expect(page.Locator("[aria-label='Workloads']")).ToContainTextAsync("available");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("progress-upgrade.png"), FullPage = true });

        // Rollback to revision 1 with its diff preview.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open release" }).ClickAsync();
        await ReadyAsync(page);
        var history = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Revision" }).Last;
        await Assertions.Expect(history).ToContainTextAsync("newest runner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to revision 1" }).ClickAsync();
        await ReadyAsync(page);
        await Assertions.Expect(page.GetByText("Roll back e2e-runner to revision 1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Plan summary" })).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Field changes" })).ToContainTextAsync(RunnerCatalog.Default.Versions[0].Version);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await FinishedAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open release" }).ClickAsync();
        await ReadyAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Revision" }).Last).ToContainTextAsync("Rollback to 1");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("release-detail.png"), FullPage = true });

        // Uninstall with typed confirmation.
        await page.GetByRole(AriaRole.Button, new() { Name = "Uninstall" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = "Uninstall" });
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await dialog.GetByLabel($"Type {Release} to confirm").FillAsync("e2e-runne");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await dialog.GetByLabel($"Type {Release} to confirm").FillAsync(Release);
        await Assertions.Expect(confirm).ToBeEnabledAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.List, new() { Name = "Objects uninstall deletes" })).ToContainTextAsync("Deployment/tool-manager");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("uninstall-dialog.png") });
        await confirm.ClickAsync();
        await FinishedAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert, new() { Name = "Outcome" })).ToContainTextAsync("uninstalled");
    }

    [Fact]
    public async Task Viewer_ReleaseDetail_SeesHistoryButCannotMutate()
    {
        var page = await SignedInPageAsync(ConsoleAppFactory.ViewerToken);

        await GoAsync(page, $"/releases/{SandboxHost.ContextName}/{Namespace}/{Release}");

        await Assertions.Expect(page.GetByLabel("Read-only")).ToContainTextAsync("disabled", new() { Timeout = Patience });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uninstall" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit values" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Upgrade to" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "View manifest of revision 1" })).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("release-detail-viewer.png"), FullPage = true });
    }

    private Task<IPage> SignedInPageAsync(string token) => ConsolePage.SignedInAsync(browser.Browser, _app.BaseAddress, token);

    private Task GoAsync(IPage page, string path) => ConsolePage.GoAsync(page, _app.BaseAddress, path);
}
