using Bunit;
using RunnerConsole.Auth;
using RunnerConsole.Components.Pages.Operate;
using RunnerConsole.Core.Planning;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.Console.Tests.Operate;

public sealed class PlanPageTests(OperateSandbox sandbox) : IClassFixture<OperateSandbox>
{
    [Fact]
    public async Task Render_UpgradeWithChangedSecret_ChipsMatchThePlanAndSecretNeverShown()
    {
        await sandbox.InstallAsync("plan-page");
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Operator);
        OperateTestContext.Pending(context).SetUpgrade(OperateSandbox.Values(environment: "staging", seed: "PLANTEDSECONDSEED"), OperateSandbox.Context, OperateSandbox.Ns("plan-page"), "plan-page");

        var page = context.Render<PlanPage>();
        page.WaitForElement("[aria-label='Plan summary']", OperateTestContext.Patience);

        var model = page.Instance.Model;
        Assert.True(model.Plan!.Summary.Changed > 0);
        foreach (var action in Enum.GetValues<PlanAction>())
        {
            var label = PlanObjectView.ActionLabel(action);
            Assert.Equal($"{model.Count(action)} {label}", page.Find($"[data-action='{label}']").GetAttribute("aria-label"));
        }

        var secretItem = page.FindAll("[aria-label^='Secret/']").First(e => e.GetAttribute("aria-label")!.EndsWith("(changed)", StringComparison.Ordinal));
        secretItem.Click();
        page.WaitForElement("[aria-label='Secret keys']");
        Assert.Contains("changed", page.Find("[aria-label='Secret keys']").TextContent);
        Assert.DoesNotContain("PLANTED", page.Markup);
        Assert.DoesNotContain(Convert.ToBase64String("SUAPLANTEDSECONDSEED"u8.ToArray()), page.Markup);
        Assert.False(OperateTestContext.Button(page, "Apply").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_Viewer_ApplyIsDisabledWithExplanation()
    {
        await sandbox.InstallAsync("plan-viewer");
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Viewer);
        OperateTestContext.Pending(context).SetRollback(OperateSandbox.Context, OperateSandbox.Ns("plan-viewer"), "plan-viewer", 1);

        var page = context.Render<PlanPage>();
        page.WaitForElement("[aria-label='Plan summary']", OperateTestContext.Patience);

        Assert.True(OperateTestContext.Button(page, "Apply").HasAttribute("disabled"));
        Assert.Contains("only an operator can apply it", page.Find("[aria-label='Read-only']").TextContent);
    }

    [Fact]
    public async Task Render_NothingPending_ShowsEmptyStateWithWaysIn()
    {
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Operator);

        var page = context.Render<PlanPage>();

        Assert.Contains("Nothing to review", page.Find("[aria-label='Nothing to review']").TextContent);
        Assert.NotNull(page.Find("a[href='/install']"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Apply");
    }
}
