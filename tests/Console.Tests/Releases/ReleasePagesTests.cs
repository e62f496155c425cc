using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RunnerConsole.Auth;
using RunnerConsole.Components.Dialogs;
using RunnerConsole.Components.Pages.Releases;
using RunnerConsole.Console.Tests.Operate;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Console.Tests.Releases;

public sealed class ReleasePagesTests(OperateSandbox sandbox) : IClassFixture<OperateSandbox>
{
    [Fact]
    public async Task Releases_InstalledRelease_IsListedWithStatusHealthAndUpgradeAvailable()
    {
        await sandbox.InstallAsync("listed-page");
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Viewer);

        var page = context.Render<RunnerConsole.Components.Pages.Releases.Releases>();
        page.WaitForAssertion(() => Assert.Contains("healthy", page.Find("tr:has(a[href$='/listed-page'])").TextContent), OperateTestContext.Patience);

        var row = page.Find("tr:has(a[href$='/listed-page'])");
        Assert.Contains("deployed", row.TextContent);
        Assert.Contains("upgrade available", row.TextContent);
        Assert.Contains("ns-listed-page", row.TextContent);
        Assert.Equal(ReleaseLinks.Detail(OperateSandbox.Context, OperateSandbox.Ns("listed-page"), "listed-page"), row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Detail_Viewer_SeesEverythingButMutatingActionsAreDisabled()
    {
        await sandbox.InstallAsync("viewer-detail");
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Viewer);

        var page = RenderDetail(context, "viewer-detail");

        Assert.Contains("actions that change the cluster are disabled", page.Find("[aria-label='Read-only']").TextContent);
        foreach (var name in new[] { "Edit values", "Uninstall" })
        {
            Assert.True(OperateTestContext.Button(page, name).HasAttribute("disabled"), name);
        }

        Assert.True(page.FindAll("button").Single(b => b.TextContent.Trim().StartsWith("Upgrade", StringComparison.Ordinal)).HasAttribute("disabled"));
        // Live health arrives after the page: wait for it rather than read it at once.
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[aria-label='Object health'] tbody tr")), OperateTestContext.Patience);
        Assert.NotNull(page.Find("[aria-label='View manifest of revision 1']"));
        Assert.Throws<OperationRefusedException>(() => page.Instance.Model.Uninstall(OperateSandbox.Viewer, "viewer-detail", keepHistory: false, null));
    }

    [Fact]
    public async Task Detail_ManifestOfRevision_IsShownWithSecretsMasked()
    {
        await sandbox.InstallAsync("manifest-detail");
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Operator);
        var provider = context.Render<MudDialogProvider>();
        var page = RenderDetail(context, "manifest-detail");

        await page.Find("[aria-label='View manifest of revision 1']").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Contains("kind: Secret", provider.Find("pre.text-dialog-body").TextContent));
        Assert.Contains("(secret, ", provider.Markup);
        Assert.DoesNotContain("PLANTED", provider.Markup);
    }

    [Fact]
    public async Task UninstallDialog_ConfirmEnabledOnlyForTheExactName()
    {
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Operator);
        var provider = context.Render<MudDialogProvider>();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;

        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<UninstallDialog>("Uninstall", new DialogParameters<UninstallDialog>
        {
            { d => d.ReleaseName, "kubiya-runner" },
            { d => d.Namespace, "kubiya" },
        }));

        var input = provider.Find("input[type=text]");
        Assert.True(OperateTestContext.Button(provider, "Uninstall").HasAttribute("disabled"));
        input.Input("kubiya-runne");
        Assert.True(OperateTestContext.Button(provider, "Uninstall").HasAttribute("disabled"));
        provider.Find("input[type=text]").Input("kubiya-runner");
        provider.WaitForAssertion(() => Assert.False(OperateTestContext.Button(provider, "Uninstall").HasAttribute("disabled")));
        await OperateTestContext.Button(provider, "Uninstall").ClickAsync(new());

        var result = await reference!.Result;
        var choice = Assert.IsType<UninstallChoice>(result!.Data);
        Assert.Equal("kubiya-runner", choice.TypedName);
        Assert.False(choice.KeepHistory);
    }

    private static IRenderedComponent<ReleaseDetail> RenderDetail(BunitContext context, string name)
    {
        var page = context.Render<ReleaseDetail>(p => p
            .Add(x => x.Context, OperateSandbox.Context)
            .Add(x => x.Namespace, OperateSandbox.Ns(name))
            .Add(x => x.Name, name));
        page.WaitForElement("[aria-label='History']", OperateTestContext.Patience);
        return page;
    }
}
