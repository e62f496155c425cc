using Microsoft.Playwright;
using RunnerConsole.E2E.Tests.Infrastructure;

namespace RunnerConsole.ConsoleBench;

/// <summary>One browser context signed in and showing the install wizard with its live preview: one Blazor circuit.</summary>
internal static class WizardCircuit
{
    public static async Task<IPage> OpenAsync(IBrowser browser, ConsoleProcess console)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Console.Error.WriteLine($"browser: {message.Text}");
            }
        };
        await page.GotoAsync(new Uri(console.BaseAddress, $"signin?token={console.Token}").ToString());
        await page.GotoAsync(new Uri(console.BaseAddress, "install").ToString());
        var options = new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 };
        await Assertions.Expect(page.GetByText("Connected · Kubernetes")).ToBeVisibleAsync(options);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Objects" })).ToBeVisibleAsync(options);
        return page;
    }

    /// <summary>Edits "Runner name" <paramref name="edits"/> times (after two warm-up edits) and times each preview update.</summary>
    public static async Task<List<double>> PreviewLatenciesAsync(IPage page, int edits)
    {
        await WizardSteps.NextAsync(page, "Runner identity");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deployment tool-manager" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "YAML of Deployment tool-manager" })).ToContainTextAsync("kind: Deployment");
        var name = page.GetByLabel("Runner name", new() { Exact = true });

        var samples = new List<double>();
        for (var i = 0; i < edits + 2; i++)
        {
            var ms = await name.EvaluateAsync<double>(PreviewTiming.TimeEditScript, $"bench-runner-{i:D3}");
            if (i >= 2)
            {
                samples.Add(ms);
            }
        }

        return samples;
    }
}
