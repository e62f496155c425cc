using Bunit;
using RunnerConsole.Auth;
using RunnerConsole.Components.Pages.Operate;

namespace RunnerConsole.Console.Tests.Operate;

public sealed class OperationPageTests(OperateSandbox sandbox) : IClassFixture<OperateSandbox>
{
    [Fact]
    public async Task Render_FinishedInstall_ShowsPhasesWorkloadsObjectsAndOutcome()
    {
        var operation = await sandbox.InstallAsync("progress-page");
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Viewer);

        var page = context.Render<OperationPage>(p => p.Add(x => x.Id, operation.Id));

        Assert.Equal("succeeded", page.Find("[data-state]").GetAttribute("data-state"));
        Assert.Contains("apply workloads", page.Find("ol[aria-label='Phases']").TextContent);
        var workloads = page.FindAll("[aria-label='Workloads'] tbody tr");
        Assert.NotEmpty(workloads);
        Assert.All(workloads, row => Assert.Contains("ready", row.TextContent));
        Assert.Contains("Deployment/", page.Find("[aria-label='Objects']").TextContent);
        Assert.Contains("installed", page.Find("[aria-label='Outcome']").TextContent);
        Assert.Contains("deployed", page.Find("ul[aria-label='Revisions written']").TextContent);
    }

    [Fact]
    public async Task Render_UnknownId_ShowsFriendlyNotFound()
    {
        await using var context = OperateTestContext.Create(sandbox, ConsoleRoles.Operator);

        var page = context.Render<OperationPage>(p => p.Add(x => x.Id, "does-not-exist"));

        Assert.Contains("not known here", page.Find("[aria-label='Operation not found']").TextContent);
    }
}
