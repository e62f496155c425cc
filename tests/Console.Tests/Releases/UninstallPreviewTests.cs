using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RunnerConsole.Auth;
using RunnerConsole.Console.Tests.Operate;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Console.Tests.Releases;

public sealed class UninstallPreviewTests(OperateSandbox sandbox) : IClassFixture<OperateSandbox>
{
    [Fact]
    public void Of_ListsWorkloadsFirst_AndMarksObjectsKeptByPolicy()
    {
        var record = new ReleaseRecord
        {
            Name = "r",
            Namespace = "kubiya",
            Version = 1,
            Info = new ReleaseInfo { Status = ReleaseStatus.Deployed },
            Chart = new ChartRecord { Metadata = RunnerConsole.Model.Operate.ReleaseRequests.ChartMetadataFor(Core.Catalog.RunnerCatalog.Default.Latest) },
            Manifest = """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: runner
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  annotations:
                    helm.sh/resource-policy: keep
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: agent-manager

                """,
        };

        var preview = UninstallPreview.Of(record);

        Assert.Equal("Deployment/agent-manager", preview.Objects[0].Label);
        Assert.Equal(["Deployment/agent-manager", "ServiceAccount/runner"], preview.Deleted.Select(o => o.Label).Order());
        Assert.Equal(["PersistentVolumeClaim/data"], preview.Kept.Select(o => o.Label));
    }

    [Fact]
    public async Task Dialog_FromReleaseDetail_ListsEveryObjectOfTheCurrentRevision()
    {
        await sandbox.InstallAsync("uninstall-preview");
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Operator);
        var provider = context.Render<MudDialogProvider>();
        var page = context.Render<Components.Pages.Releases.ReleaseDetail>(p => p
            .Add(x => x.Context, OperateSandbox.Context)
            .Add(x => x.Namespace, OperateSandbox.Ns("uninstall-preview"))
            .Add(x => x.Name, "uninstall-preview"));
        await page.WaitForAssertionAsync(() => Assert.False(OperateTestContext.Button(page, "Uninstall").HasAttribute("disabled")), OperateTestContext.Patience);
        var expected = page.Instance.Model.UninstallPreview();

        // The click's handler waits for the dialog's answer: not awaited here, answered with Cancel at the end.
        var click = OperateTestContext.Button(page, "Uninstall").ClickAsync(new());

        await provider.WaitForAssertionAsync(() => Assert.NotEmpty(provider.FindAll("[aria-label='Objects uninstall deletes'] [role=listitem]")), OperateTestContext.Patience);
        var items = provider.FindAll("[aria-label='Objects uninstall deletes'] [role=listitem]");
        Assert.True(expected.Objects.Count > 3, "the sandbox release has a runner's objects");
        Assert.Equal(expected.Objects.Select(o => o.Label), items.Select(i => i.QuerySelector("code")!.TextContent));
        Assert.Contains($"{expected.Deleted.Count()} objects of release", provider.Markup);
        await OperateTestContext.Button(provider, "Cancel").ClickAsync(new());
        await click;
    }
}
