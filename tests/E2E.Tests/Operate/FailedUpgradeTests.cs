using System.Security.Claims;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunnerConsole.Auth;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Values;
using RunnerConsole.E2E.Tests.Infrastructure;
using RunnerConsole.Hosting;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.E2E.Tests.Operate;

/// <summary>
/// A workload that never becomes ready (the sandbox's behaviour annotation): the upgrade fails with the reason, the
/// progress page says so and what atomic did, and the previous revision's objects are back.
/// </summary>
public sealed class FailedUpgradeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Release = "fail-runner";
    private const string Namespace = "fail-kubiya";
    private const string NeverReady = "never-ready:ImagePullBackOff";

    // Short readiness timeout so the failure comes in seconds, as an operator would set for a quick check.
    private readonly ConsoleAppFactory _app = new(services => services.AddSingleton(new OperationDefaults(new OperationOptions
    {
        Timeout = TimeSpan.FromSeconds(8),
        PollInterval = TimeSpan.FromMilliseconds(100),
    })));

    private static RunnerValues Values => RunnerValues.Defaults with
    {
        Runner = new RunnerIdentity { Name = "failing", Organization = "acme" },
        Cloud = RunnerValues.Defaults.Cloud with
        {
            RunnerCredentials = SecretSource.FromExistingSecret("runner-nats"),
            CustomerCredentials = SecretSource.FromExistingSecret("customer-nats"),
        },
    };

    private static ClaimsPrincipal Operator =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "e2e"), new Claim(ClaimTypes.Role, ConsoleRoles.Operator)], "test"));

    public async ValueTask InitializeAsync()
    {
        await _app.InstallAsync(Namespace, Release, Values);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Upgrade_WorkloadNeverReady_ShowsReasonAndAtomicRollbackRestoresPreviousRevision()
    {
        var broken = Values with
        {
            ToolManager = Values.ToolManager with { PodAnnotations = new Dictionary<string, string> { ["sandbox.runner-console.io/behavior"] = NeverReady } },
        };
        var upgrade = _app.Services.GetRequiredService<OperationRunner>().Start(Operator,
            new OperationStart(new ProposedChange(ChangeKind.Upgrade, SandboxHost.ContextName, Namespace, Release) { Values = broken }));

        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, $"/signin?token={ConsoleAppFactory.OperatorToken}").ToString());
        await page.GotoAsync(new Uri(_app.BaseAddress, $"/operations/{upgrade.Id}").ToString());

        var state = page.Locator("[data-state]");
        await Assertions.Expect(state).Not.ToHaveAttributeAsync("data-state", "running", new() { Timeout = 120_000 });
        Assert.Equal("failed", await state.GetAttributeAsync("data-state"));
        await Assertions.Expect(page.GetByText("ImagePullBackOff").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("rolled back to the previously deployed revision")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("progress-failed-atomic.png"), FullPage = true });

        var client = await _app.Services.GetRequiredService<ClusterDirectory>().ClientAsync(SandboxHost.ContextName, TestContext.Current.CancellationToken);
        var toolManager = await client.AppsV1.ReadNamespacedDeploymentAsync("tool-manager", Namespace, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(toolManager.Spec.Template.Metadata.Annotations?.ContainsKey("sandbox.runner-console.io/behavior") ?? false);
        var records = await client.CoreV1.ListNamespacedSecretAsync(Namespace, labelSelector: $"owner=helm,name={Release}", cancellationToken: TestContext.Current.CancellationToken);
        var statuses = records.Items.OrderBy(r => int.Parse(r.Metadata.Labels["version"], System.Globalization.CultureInfo.InvariantCulture))
            .Select(r => r.Metadata.Labels["status"]).ToList();
        Assert.Equal(["superseded", "failed", "deployed"], statuses);
    }
}
