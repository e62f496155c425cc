using Microsoft.Playwright;
using RunnerConsole.E2E.Tests.Infrastructure;
using RunnerConsole.Sandbox;

namespace RunnerConsole.E2E.Tests.Install;

/// <summary>
/// The wizard's cluster step against a kubeconfig whose CA did not sign the server's certificate (a rebuilt cluster):
/// the operator reads what kubectl would say, not "the SSL connection could not be established".
/// </summary>
public sealed class ClusterCheckTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly ConsoleAppFactory _app = new();
    private SandboxServer? _server;
    private SandboxServer? _rebuilt;

    public async ValueTask InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false }, TestContext.Current.CancellationToken);
        _rebuilt = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false }, TestContext.Current.CancellationToken);
        // The kubeconfig from before the rebuild: the old CA, the same address.
        await File.WriteAllTextAsync(_app.KubeconfigPath, _server.Kubeconfig().Replace(
            _server.BaseAddress.GetLeftPart(UriPartial.Authority), _rebuilt.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server!.DisposeAsync();
        await _rebuilt!.DisposeAsync();
    }

    [Fact]
    public async Task AServerCertificateFromAnotherCa_IsExplainedOnTheClusterStep()
    {
        var page = await ConsolePage.SignedInAsync(browser.Browser, _app.BaseAddress, ConsoleAppFactory.OperatorToken);
        await page.GotoAsync(new Uri(_app.BaseAddress, "/install").ToString());

        var alert = page.Locator(".mud-alert").Filter(new() { HasText = "TLS handshake" });
        await Assertions.Expect(alert).ToContainTextAsync(
            $"TLS handshake with {_rebuilt!.BaseAddress.Authority} failed: the server's certificate is signed by another CA than this cluster's certificate-authority in the kubeconfig",
            new() { Timeout = ConsolePage.Patience });
        await Assertions.Expect(alert).ToContainTextAsync("fetch its kubeconfig again. Choose another context or check the kubeconfig.");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("install-cluster-tls-refused.png") });
        Assert.Empty(_rebuilt.Log.Entries);
    }
}
