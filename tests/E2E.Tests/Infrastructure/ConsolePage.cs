using Microsoft.Playwright;

namespace RunnerConsole.E2E.Tests.Infrastructure;

/// <summary>What every browser test does with a console page: sign in, go to a page once its circuit is live, step the wizard, wait for an operation.</summary>
internal static class ConsolePage
{
    /// <summary>How long an operation or a circuit may take on a loaded 2-core machine.</summary>
    public const float Patience = 90_000;

    /// <summary>A NATS credentials file of the right shape (not a real one).</summary>
    public static string Creds(string seed) =>
        "-----BEGIN NATS USER JWT-----\neyJ0eXAiOiJKV1QifQ.test.jwt\n------END NATS USER JWT------\n\n" +
        $"-----BEGIN USER NKEY SEED-----\nSUA{seed}\n------END USER NKEY SEED------\n";

    /// <summary>A fresh browser context signed in with <paramref name="token"/>, on the overview.</summary>
    public static async Task<IPage> SignedInAsync(IBrowser browser, Uri baseAddress, string token)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(baseAddress, $"/signin?token={token}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        return page;
    }

    public static async Task GoAsync(IPage page, Uri baseAddress, string path)
    {
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        await ReadyAsync(page);
    }

    /// <summary>Clicks Next once it is enabled and waits for the step titled <paramref name="nextTitle"/>.</summary>
    public static Task NextAsync(IPage page, string nextTitle) => WizardSteps.NextAsync(page, nextTitle);

    /// <summary>The page's Blazor circuit is interactive (the layout marks it once its first render after connecting ran).</summary>
    public static Task ReadyAsync(IPage page) =>
        page.Locator("[data-circuit='ready']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });

    /// <summary>Waits for the operation page to leave "running" and asserts it succeeded.</summary>
    public static async Task FinishedAsync(IPage page)
    {
        await ReadyAsync(page);
        var state = page.Locator("[data-state]");
        await Assertions.Expect(state).Not.ToHaveAttributeAsync("data-state", "running", new() { Timeout = Patience });
        Assert.Equal("succeeded", await state.GetAttributeAsync("data-state"));
    }
}
