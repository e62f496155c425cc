using Microsoft.Playwright;
using RunnerConsole.E2E.Tests.Infrastructure;

namespace RunnerConsole.E2E.Tests;

public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly ConsoleAppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Home_Unauthenticated_RedirectsToSignIn()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };

        using var response = await http.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2F", response.Headers.Location?.Query);
    }

    [Fact]
    public async Task HealthEndpoints_Unauthenticated_StayOpen()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };

        Assert.Equal("Healthy", await http.GetStringAsync("/healthz", TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", await http.GetStringAsync("/readyz", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignIn_WrongToken_IsRefusedWithClearMessage()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, "/signin").ToString());

        await page.GetByLabel("Access token").FillAsync("definitely-not-the-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("That token was not accepted");
        Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task SignIn_OperatorTokenInForm_ShowsHomeAndSavesScreenshot()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(_app.BaseAddress.ToString());

        // An unauthenticated visit lands on the sign-in form first.
        await Assertions.Expect(page.GetByLabel("Access token")).ToBeVisibleAsync();
        await page.GetByLabel("Access token").FillAsync(ConsoleAppFactory.OperatorToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No cluster contexts found.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Operator", new() { Exact = true })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("home.png"), FullPage = true });
    }

    [Fact]
    public async Task SignIn_ViewerTokenInUrl_SignsInAsViewer()
    {
        var page = await NewPageAsync();

        await page.GotoAsync(new Uri(_app.BaseAddress, $"/signin?token={ConsoleAppFactory.ViewerToken}").ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Viewer (read-only)")).ToBeVisibleAsync();
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_AfterSignIn_ReturnsToSignIn()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, $"/signin?token={ConsoleAppFactory.OperatorToken}").ToString());
        await WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Access token")).ToBeVisibleAsync();
        var response = await page.GotoAsync(_app.BaseAddress.ToString());
        Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath);
        Assert.NotNull(response);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        return await context.NewPageAsync();
    }

    // The page is interactive only once the Blazor circuit is up; clicking earlier would be lost.
    private static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null");
}
