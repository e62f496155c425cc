using System.Text.Json.Nodes;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;
using RunnerConsole.E2E.Tests.Infrastructure;
using static RunnerConsole.E2E.Tests.Infrastructure.ConsolePage;
using RunnerConsole.Hosting;

namespace RunnerConsole.E2E.Tests.Operate;

/// <summary>
/// "Change a value → upgrade → the diff shows exactly that change → apply" in a real browser against the sandbox:
/// release page → edit values (the wizard pre-filled with the deployed values) → one value changed → plan → apply →
/// the cluster has the new value and the history revision 2.
/// </summary>
public sealed class EditValuesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Release = "edit-runner";
    private const string Namespace = "edit-kubiya";
    private const string NewScrapeInterval = "45s";
    private readonly ConsoleAppFactory _app = new();

    private readonly RunnerValues _installed = RunnerValues.Defaults with
    {
        Version = RunnerCatalog.Default.Latest.Version,
        Runner = new RunnerIdentity { Name = "edit", Organization = "acme" },
        Cloud = RunnerValues.Defaults.Cloud with
        {
            RunnerCredentials = SecretSource.FromValue(Creds("RUNNER")),
            CustomerCredentials = SecretSource.FromValue(Creds("CUSTOMER")),
        },
    };

    public async ValueTask InitializeAsync()
    {
        // Revision 1, installed through the console's own runner the way the install wizard's plan does.
        await _app.InstallAsync(Namespace, Release, _installed);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task EditValues_ScrapeIntervalChanged_PlanShowsExactlyItsObjects_ApplyWritesRevisionTwo()
    {
        // What the renderer implies for a new scrape interval: the collector's config and, through the checksum on its
        // pod template, the collector's Deployment; nothing else.
        var edited = _installed with
        {
            Monitoring = _installed.Monitoring with
            {
                OtelCollector = _installed.Monitoring.OtelCollector with { ScrapeInterval = NewScrapeInterval },
            },
        };
        var expected = RenderedChanges(_installed, edited);
        Assert.Equal(["ConfigMap/otel-collector", "Deployment/otel-collector"], expected.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"spec.template.metadata.annotations[\"{RenderAnnotations.ConfigChecksum}\"]", Assert.Single(expected["Deployment/otel-collector"]));
        var page = await SignedInPageAsync();

        // Release page → edit values: the wizard opens with the deployed values.
        await GoAsync(page, $"/releases/{SandboxHost.ContextName}/{Namespace}/{Release}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Release, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit values" })).ToBeEnabledAsync(new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("edit-values-1-release.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit values" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Components", Exact = true, Level = 2 })).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("edit-values-2-wizard.png") });

        // One value changed: the scrape interval on the monitoring step.
        await NextAsync(page, "Monitoring");
        var scrapeInterval = page.GetByLabel("Scrape interval", new() { Exact = true });
        await Assertions.Expect(scrapeInterval).ToHaveValueAsync(_installed.Monitoring.OtelCollector.ScrapeInterval);
        await scrapeInterval.FillAsync(NewScrapeInterval);
        await page.GetByRole(AriaRole.Button, new() { Name = "ConfigMap otel-collector" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "YAML of ConfigMap otel-collector" })).ToContainTextAsync($"scrape_interval: {NewScrapeInterval}");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("edit-values-3-changed.png") });
        await NextAsync(page, "Security & images");
        await NextAsync(page, "Review");
        var next = page.GetByRole(AriaRole.Button, new() { Name = "Continue to diff" });
        await Assertions.Expect(next).ToBeEnabledAsync();
        await next.ClickAsync();

        // The plan: exactly the objects the renderer implies, each changed, nothing added or removed.
        await ReadyAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review changes" })).ToBeVisibleAsync();
        var summary = page.GetByRole(AriaRole.List, new() { Name = "Plan summary" });
        await Assertions.Expect(summary).ToBeVisibleAsync(new() { Timeout = Patience });
        Assert.Equal($"{expected.Count} changed", await summary.Locator("[data-action='changed']").GetAttributeAsync("aria-label"));
        Assert.Equal("0 added", await summary.Locator("[data-action='added']").GetAttributeAsync("aria-label"));
        Assert.Equal("0 removed", await summary.Locator("[data-action='removed']").GetAttributeAsync("aria-label"));
        var objects = page.GetByRole(AriaRole.Listbox, new() { Name = "Objects" }).GetByRole(AriaRole.Option);
        await Assertions.Expect(objects).ToHaveCountAsync(expected.Count);
        var listed = new List<string>();
        foreach (var item in await objects.AllAsync())
        {
            listed.Add((await item.GetAttributeAsync("aria-label"))!);
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal).Select(k => $"{k} (changed)"), listed.Order(StringComparer.Ordinal));

        // Each object's field changes are exactly the renderer's: the config text, and the checksum annotation.
        foreach (var (label, paths) in expected)
        {
            await page.GetByRole(AriaRole.Option, new() { Name = $"{label} (changed)" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = label })).ToBeVisibleAsync();
            var changes = page.GetByRole(AriaRole.List, new() { Name = "Field changes" }).GetByRole(AriaRole.Listitem);
            await Assertions.Expect(changes).ToHaveCountAsync(paths.Count);
            await Assertions.Expect(changes).ToContainTextAsync([.. paths.Select(path => $"~ {path}:")]);
        }

        // Switching objects back and forth without waiting: the diff editor ends on the last object picked, with one
        // pair of models in the page (none leaked, none freed twice: that used to end the circuit).
        string[] clicks = [.. expected.Keys, .. expected.Keys, .. expected.Keys.Reverse()];
        foreach (var label in clicks)
        {
            await page.GetByRole(AriaRole.Option, new() { Name = $"{label} (changed)" }).ClickAsync();
        }

        var lastKind = "kind: " + clicks[^1].Split('/')[0];
        await page.WaitForFunctionAsync(
            """
            kind => {
                const models = monaco.editor.getModels();
                const modified = models.find(m => m.uri.path.endsWith("/modified.yaml"));
                return models.length === 2 && modified !== undefined && modified.getValue().includes(kind);
            }
            """,
            lastKind,
            new() { Timeout = (float)Patience });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = clicks[^1] })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".monaco-diff-editor")).ToHaveCountAsync(1);
        // Monaco computed the diff of the texts it was given last: the changed interval is marked on both sides.
        await Assertions.Expect(page.Locator(".monaco-diff-editor .char-delete, .monaco-diff-editor .line-delete").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator(".monaco-diff-editor .char-insert, .monaco-diff-editor .line-insert").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("edit-values-4-plan.png"), FullPage = true });

        // Apply; the sandbox has the new value and the history revision 2.
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await FinishedAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("edit-values-5-progress.png"), FullPage = true });
        var client = await _app.Services.GetRequiredService<ClusterDirectory>().ClientAsync(SandboxHost.ContextName, TestContext.Current.CancellationToken);
        var config = await client.CoreV1.ReadNamespacedConfigMapAsync("otel-collector", Namespace, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains($"scrape_interval: {NewScrapeInterval}", config.Data["config.yaml"], StringComparison.Ordinal);
        var collector = await client.AppsV1.ReadNamespacedDeploymentAsync("otel-collector", Namespace, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(
            RenderedAnnotation(edited, "Deployment/otel-collector"),
            collector.Spec.Template.Metadata.Annotations[RenderAnnotations.ConfigChecksum]);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open release" }).ClickAsync();
        await ReadyAsync(page);
        var history = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Revision" }).Last;
        var current = history.GetByRole(AriaRole.Row).Filter(new() { HasText = "current" });
        await Assertions.Expect(current).ToHaveCountAsync(1, new() { Timeout = Patience });
        await Assertions.Expect(current.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*2\s*current\s*$"));
        await Assertions.Expect(history.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // the header, revision 2 and revision 1
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("edit-values-6-history.png"), FullPage = true });
    }

    // Renders both values with one context (so generated key material is the same) and returns every object that
    // differs, with the paths of the fields that differ in it (as the plan names them).
    private static Dictionary<string, IReadOnlyList<string>> RenderedChanges(RunnerValues before, RunnerValues after)
    {
        var context = RenderContext.ForInstall(TimeProvider.System);
        var old = Render(before, context).ToDictionary(m => $"{m.Kind}/{m.Name}", m => m.Object);
        var rendered = Render(after, context);
        Assert.Equal(old.Keys.Order(StringComparer.Ordinal), rendered.Select(m => $"{m.Kind}/{m.Name}").Order(StringComparer.Ordinal));
        var changed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var manifest in rendered)
        {
            var label = $"{manifest.Kind}/{manifest.Name}";
            var fields = FieldDiff.Compare(Json(old[label]), Json(manifest.Object));
            if (fields.Count > 0)
            {
                changed[label] = [.. fields.Select(f => f.Path)];
            }
        }

        return changed;
    }

    private static JsonNode Json(object obj) => JsonNode.Parse(KubernetesJson.Serialize(obj))!;

    private static string RenderedAnnotation(RunnerValues values, string label)
    {
        var manifest = Render(values, RenderContext.ForInstall(TimeProvider.System)).Single(m => $"{m.Kind}/{m.Name}" == label);
        var deployment = Assert.IsType<k8s.Models.V1Deployment>(manifest.Object);
        return deployment.Spec.Template.Metadata.Annotations[RenderAnnotations.ConfigChecksum];
    }

    private static ManifestSet Render(RunnerValues values, RenderContext context) =>
        RunnerRenderer.Render(values, RunnerCatalog.Default.Resolve(values.Version)!, Release, Namespace, context);

    private Task<IPage> SignedInPageAsync() => ConsolePage.SignedInAsync(browser.Browser, _app.BaseAddress, ConsoleAppFactory.OperatorToken);

    private Task GoAsync(IPage page, string path) => ConsolePage.GoAsync(page, _app.BaseAddress, path);
}
