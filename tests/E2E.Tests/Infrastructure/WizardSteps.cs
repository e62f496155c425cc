using Microsoft.Playwright;

namespace RunnerConsole.E2E.Tests.Infrastructure;

/// <summary>Stepping the install wizard; Playwright only, so the console benchmark uses the same code (linked source).</summary>
internal static class WizardSteps
{
    /// <summary>Clicks Next once it is enabled and waits for the step titled <paramref name="nextTitle"/>.</summary>
    public static async Task NextAsync(IPage page, string nextTitle)
    {
        var next = page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true });
        await Assertions.Expect(next).ToBeEnabledAsync();
        await next.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = nextTitle, Exact = true, Level = 2 })).ToBeVisibleAsync();
    }
}
