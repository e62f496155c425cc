using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using Microsoft.Playwright;
using RunnerConsole.Core.Values;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.E2E.Tests.Infrastructure;
using static RunnerConsole.E2E.Tests.Infrastructure.ConsolePage;
using RunnerConsole.Hosting;

namespace RunnerConsole.E2E.Tests.Install;

/// <summary>
/// Walks the install wizard in Chromium against the real console with the built-in sandbox cluster (no kubeconfig is
/// given, so the sandbox is the only choice).
/// </summary>
public sealed class InstallWizardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string RunnerCreds = "-----BEGIN NATS USER JWT-----\neyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.runner\n------END NATS USER JWT------\n-----BEGIN USER NKEY SEED-----\nSUAIRUNNERSEED\n------END USER NKEY SEED------\n";
    private const string CustomerCreds = "-----BEGIN NATS USER JWT-----\neyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.customer\n------END NATS USER JWT------\n-----BEGIN USER NKEY SEED-----\nSUAICUSTOMERSEED\n------END USER NKEY SEED------\n";

    private const string AgentUuid = "123e4567-e89b-12d3-a456-426614174000";

    private readonly ConsoleAppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Wizard_WalkToReview_PreviewFollowsTheForm()
    {
        var page = await SignedInPageAsync(ConsoleAppFactory.OperatorToken);
        await page.GotoAsync(new Uri(_app.BaseAddress, "/install").ToString());

        // Cluster: the sandbox is chosen and answers.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Install runner" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Connected · Kubernetes")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Objects" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("install-cluster.png") });
        await NextAsync(page, "Runner identity");

        // Identity: Next stays disabled until name, organization and both credentials are given.
        var next = page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true });
        await page.GetByLabel("Runner name", new() { Exact = true }).FillAsync("Edge_Runner");
        var cliMessage = ValuesValidator.Validate(RunnerValues.Defaults with { Runner = new() { Name = "Edge_Runner" } }, "runner.name").Single().Message;
        await Assertions.Expect(page.GetByText(cliMessage).First).ToBeVisibleAsync();
        await Assertions.Expect(next).ToBeDisabledAsync();

        // Every identity field back to back at full speed, no waits: none may lose its text to another field's update
        // landing meanwhile (the leaving of one field and the typing of the next fall within one debounce interval).
        var identity = new (string Label, string Text)[]
        {
            ("Runner name", "edge-runner"), ("Organization", "acme"), ("Agent UUID", AgentUuid), ("Environment", "production"),
        };
        foreach (var (label, text) in identity)
        {
            await page.GetByLabel(label, new() { Exact = true }).FillAsync(text);
        }

        var runnerCreds = page.GetByRole(AriaRole.Textbox, new() { Name = "Runner credentials (NATS .creds)" });
        var customerCreds = page.GetByRole(AriaRole.Textbox, new() { Name = "Customer credentials (NATS .creds)" });
        await runnerCreds.FillAsync(RunnerCreds);
        await customerCreds.FillAsync(CustomerCreds);

        foreach (var (label, text) in identity)
        {
            await Assertions.Expect(page.GetByLabel(label, new() { Exact = true })).ToHaveValueAsync(text);
        }

        await Assertions.Expect(runnerCreds).ToHaveValueAsync(RunnerCreds);
        await Assertions.Expect(customerCreds).ToHaveValueAsync(CustomerCreds);
        await Assertions.Expect(page.GetByText(cliMessage)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByPlaceholder("acme.edge-runner.incoming")).ToBeVisibleAsync();
        await Assertions.Expect(next).ToBeEnabledAsync();

        // Preview: every field is in the rendered objects — name, organization and UUID in tool-manager's Deployment,
        // the environment as a label in the collector's config.
        await page.GetByRole(AriaRole.Button, new() { Name = "ConfigMap otel-collector" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "YAML of ConfigMap otel-collector" })).ToContainTextAsync(new Regex(@"key: environment\s+value: production"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Deployment tool-manager" }).ClickAsync();
        var yaml = page.GetByRole(AriaRole.Region, new() { Name = "YAML of Deployment tool-manager" });
        await Assertions.Expect(yaml).ToContainTextAsync("kind: Deployment");
        foreach (var expected in new[] { "value: edge-runner", "value: acme", "value: acme.edge-runner", $"value: {AgentUuid}" })
        {
            await Assertions.Expect(yaml).ToContainTextAsync(expected);
        }

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("install-identity-preview.png") });
        await NextAsync(page, "Components");

        // Components: turning dagger off removes its objects from the tree.
        var before = await ObjectCountAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deployment dagger-engine" })).ToBeVisibleAsync();
        await page.GetByText("Install dagger engine").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deployment dagger-engine" })).ToHaveCountAsync(0);
        var after = await ObjectCountAsync(page);
        Assert.True(after < before, $"object count {before} → {after}");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("install-components.png") });
        await NextAsync(page, "Monitoring");

        // Monitoring: remote write with OAuth2 shows the OAuth2 fields, hides the others.
        await page.GetByLabel("Remote write URL", new() { Exact = true }).FillAsync("https://prom.example.com/api/v1/write");
        await page.GetByLabel("Authentication", new() { Exact = true }).ClickAsync();
        await page.GetByText("OAuth2 client credentials", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Client id", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("User name", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(next).ToBeDisabledAsync();
        await page.GetByLabel("Client id", new() { Exact = true }).FillAsync("runner-metrics");
        await page.GetByLabel("Token URL", new() { Exact = true }).FillAsync("https://auth.example.com/oauth2/token");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Client secret", Exact = true }).FillAsync("oauth-client-secret-1");
        await Assertions.Expect(next).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("install-monitoring-oauth2.png") });
        await NextAsync(page, "Security & images");

        // Security, then Review with the hand-off button.
        await Assertions.Expect(page.GetByText("Cluster access of tool-manager")).ToBeVisibleAsync();
        await NextAsync(page, "Review");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Continue to diff" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Policy" }).Or(page.GetByText("Policy (", new() { Exact = false })).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Policy findings" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("install-review-policy.png") });

        // The same page in dark mode, with a finding followed to its object and field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show Deployment agent-manager" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "YAML of Deployment agent-manager" })).ToContainTextAsync("kind: Deployment");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("install-review-dark.png") });

        // Diff before apply: everything is new in a new namespace; then apply, follow the progress, find the objects.
        var objects = await ObjectCountAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to diff" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review changes" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var summary = page.GetByRole(AriaRole.List, new() { Name = "Plan summary" });
        await Assertions.Expect(summary).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal($"{objects} added", await summary.Locator("[data-action='added']").GetAttributeAsync("aria-label"));
        Assert.Equal("0 changed", await summary.Locator("[data-action='changed']").GetAttributeAsync("aria-label"));
        Assert.DoesNotContain("oauth-client-secret-1", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var state = page.Locator("[data-state]");
        await Assertions.Expect(state).Not.ToHaveAttributeAsync("data-state", "running", new() { Timeout = 90_000 });
        Assert.Equal("succeeded", await state.GetAttributeAsync("data-state"));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("install-progress.png"), FullPage = true });

        var clusters = _app.Services.GetRequiredService<ClusterDirectory>();
        var client = await clusters.ClientAsync(SandboxHost.ContextName, TestContext.Current.CancellationToken);
        var deployments = await client.AppsV1.ListNamespacedDeploymentAsync("kubiya", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(deployments.Items, d => d.Metadata.Name == "tool-manager");
        Assert.DoesNotContain(deployments.Items, d => d.Metadata.Name == "dagger-engine");
        var releases = await client.CoreV1.ListNamespacedSecretAsync("kubiya", labelSelector: "owner=helm", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["sh.helm.release.v1.kubiya-runner.v1"], releases.Items.Select(r => r.Metadata.Name));
    }

    [Fact]
    public async Task Preview_FiftyEdits_UpdatesQuickly()
    {
        const int Warmup = 3;
        const int Edits = 50;
        var page = await SignedInPageAsync(ConsoleAppFactory.OperatorToken);
        await page.GotoAsync(new Uri(_app.BaseAddress, "/install").ToString());
        await Assertions.Expect(page.GetByText("Connected · Kubernetes")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Objects" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await NextAsync(page, "Runner identity");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deployment tool-manager" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "YAML of Deployment tool-manager" })).ToContainTextAsync("kind: Deployment");
        var name = page.GetByLabel("Runner name", new() { Exact = true });

        var samples = new List<double>();
        for (var i = 0; i < Warmup + Edits; i++)
        {
            var ms = await name.EvaluateAsync<double>(PreviewTiming.TimeEditScript, $"edge-runner-{i:D2}");
            if (i >= Warmup)
            {
                samples.Add(ms); // the first edits warm up the circuit
            }
        }

        samples.Sort();
        var median = samples[samples.Count / 2];
        var p95 = samples[(int)Math.Ceiling(samples.Count * 0.95) - 1];
        var line = string.Create(CultureInfo.InvariantCulture,
            $"preview latency over {samples.Count} edits (25 ms debounce included): median {median:F1} ms, p95 {p95:F1} ms, min {samples[0]:F1} ms, max {samples[^1]:F1} ms (target p95 < 100 ms)");
        TestContext.Current.SendDiagnosticMessage(line);
        File.WriteAllText(BrowserFixture.ScreenshotPath("preview-latency.txt"), line + "\n");
        // The numbers are the report; a busy 2-core machine (other test modules run alongside) may miss the 100 ms
        // target, so only a bound that a working preview never exceeds is asserted.
        Assert.True(p95 < 1_000, line);
    }

    [Fact]
    public async Task Reload_MidWizard_KeepsTheFormButNotTheSecrets()
    {
        var page = await SignedInPageAsync(ConsoleAppFactory.OperatorToken);
        await page.GotoAsync(new Uri(_app.BaseAddress, "/install").ToString());
        await Assertions.Expect(page.GetByText("Connected · Kubernetes")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Objects" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await NextAsync(page, "Runner identity");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deployment tool-manager" }).ClickAsync();
        var yaml = page.GetByRole(AriaRole.Region, new() { Name = "YAML of Deployment tool-manager" });

        await page.GetByLabel("Runner name", new() { Exact = true }).FillAsync("reload-runner");
        await page.GetByLabel("Organization", new() { Exact = true }).FillAsync("acme");
        await Assertions.Expect(yaml).ToContainTextAsync("acme.reload-runner");
        const string storedState = "() => JSON.stringify(Object.assign({}, sessionStorage))";
        var beforeCredentials = await page.EvaluateAsync<string>(storedState);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Runner credentials (NATS .creds)" }).FillAsync(RunnerCreds);

        // The snapshot is written in the background: reload only once the one taken after the credentials is stored.
        await page.WaitForFunctionAsync($"before => {storedState.Split("=> ")[1]} !== before", beforeCredentials);
        await page.ReloadAsync();

        await Assertions.Expect(page.GetByText("Secrets are never kept in the browser", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByLabel("Runner name", new() { Exact = true })).ToHaveValueAsync("reload-runner");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Runner credentials (NATS .creds)" })).ToHaveValueAsync(string.Empty);
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(Object.assign({}, sessionStorage))");
        Assert.DoesNotContain("SUAIRUNNERSEED", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_Viewer_CannotContinue()
    {
        var page = await SignedInPageAsync(ConsoleAppFactory.ViewerToken);
        await page.GotoAsync(new Uri(_app.BaseAddress, "/install").ToString());
        await Assertions.Expect(page.GetByText("Connected · Kubernetes")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Objects" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await NextAsync(page, "Runner identity");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deployment tool-manager" }).ClickAsync();
        var yaml = page.GetByRole(AriaRole.Region, new() { Name = "YAML of Deployment tool-manager" });
        await page.GetByLabel("Runner name", new() { Exact = true }).FillAsync("edge-runner");
        await page.GetByLabel("Organization", new() { Exact = true }).FillAsync("acme");
        await Assertions.Expect(yaml).ToContainTextAsync("acme.edge-runner");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Runner credentials (NATS .creds)" }).FillAsync(RunnerCreds);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Customer credentials (NATS .creds)" }).FillAsync(CustomerCreds);
        foreach (var title in new[] { "Components", "Monitoring", "Security & images", "Review" })
        {
            await NextAsync(page, title);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Continue to diff" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByText("only operators can continue", new() { Exact = false })).ToBeVisibleAsync();
    }

    private static async Task<int> ObjectCountAsync(IPage page)
    {
        var text = await page.GetByTestId("object-count").TextContentAsync();
        return int.Parse(text!.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private async Task<IPage> SignedInPageAsync(string token)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, $"/signin?token={token}").ToString());
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null");
        return page;
    }
}
