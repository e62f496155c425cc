using Bunit;
using Microsoft.AspNetCore.Components;
using RunnerConsole.Components.Layout;

namespace RunnerConsole.Console.Tests.Layout;

public sealed class MainLayoutTests
{
    [Fact]
    public async Task Render_SignedInOperator_ShowsProductNameNavigationAndRole()
    {
        await using var context = TestConsoleContext.Create();
        context.AddAuthorization().SetAuthorized("operator").SetRoles("operator");

        var layout = context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        Assert.Contains("Runner Console", layout.Markup);
        var links = layout.FindAll("nav a, .mud-nav-link").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Contains("Releases", links);
        Assert.Contains("Install", links);
        Assert.Contains("Settings", links);
        Assert.Contains("page body", layout.Markup);
        Assert.Contains("Operator", layout.Markup);
    }

    [Fact]
    public async Task Render_Viewer_ShowsReadOnlyRole()
    {
        await using var context = TestConsoleContext.Create();
        context.AddAuthorization().SetAuthorized("viewer").SetRoles("viewer");

        var layout = context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(_ => { })));

        Assert.Contains("Viewer (read-only)", layout.Markup);
    }

    [Fact]
    public async Task ToggleDarkMode_Click_SwitchesTheButtonLabel()
    {
        await using var context = TestConsoleContext.Create();
        context.AddAuthorization().SetAuthorized("operator").SetRoles("operator");
        var layout = context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(_ => { })));

        layout.Find("button[aria-label='Switch to dark mode']").Click();

        Assert.NotEmpty(layout.FindAll("button[aria-label='Switch to light mode']"));
    }
}
