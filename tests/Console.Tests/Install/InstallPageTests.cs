using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RunnerConsole.Core.Values;
using RunnerConsole.Model.Preview;
using RunnerConsole.Model.Wizard;
using InstallPage = RunnerConsole.Components.Pages.Install.Install;

namespace RunnerConsole.Console.Tests.Install;

public sealed class InstallPageTests
{
    // The first render JIT-compiles the renderer and issues a registry key pair: slow on a busy 2-core machine.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Render_ClusterStep_ShowsSandboxConnectionAndPreview()
    {
        await using var context = WizardTestData.NewContext();
        context.Render<MudPopoverProvider>();

        var page = context.Render<InstallPage>();

        page.WaitForAssertion(() => Assert.Contains("Connected · Kubernetes v1.35.0", page.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("Sandbox — simulated cluster", page.Markup, StringComparison.Ordinal);
        Assert.Contains("simulated cluster: nothing real is changed", page.Markup, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("nav[aria-label=Objects]")), Wait);
        Assert.False(NextButton(page).HasAttribute("disabled"));
    }

    [Fact]
    public async Task IdentityStep_InvalidName_ShowsCliMessageNextToFieldAndDisablesNext()
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtStepAsync(context, WizardStep.Identity);
        var page = context.Render<InstallPage>();

        page.Find("input[id]:not([type=hidden])").Input("Bad_Name");

        var cliMessage = ValuesValidator.Validate(RunnerValues.Defaults with { Runner = new() { Name = "Bad_Name" } }, "runner.name").Single().Message;
        page.WaitForAssertion(() =>
        {
            var field = page.FindAll(".mud-input-control").First(c => c.TextContent.Contains("Runner name", StringComparison.Ordinal));
            Assert.Contains(cliMessage, field.TextContent, StringComparison.Ordinal);
        }, Wait);
        Assert.True(NextButton(page).HasAttribute("disabled"));
        Assert.Contains("problems to fix before continuing", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Bad_Name", model.Values.Runner.Name);
    }

    [Fact]
    public async Task IdentityStep_Complete_EnablesNext()
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtStepAsync(context, WizardStep.Identity);
        var page = context.Render<InstallPage>();
        Assert.True(NextButton(page).HasAttribute("disabled"));

        await page.InvokeAsync(() => WizardTestData.FillIdentity(model));

        page.WaitForAssertion(() => Assert.False(NextButton(page).HasAttribute("disabled")), Wait);
        Assert.DoesNotContain("problems to fix before continuing", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RemoteWriteAuthType.None, new string[0], new[] { "User name", "Client id", "Bearer token" })]
    [InlineData(RemoteWriteAuthType.Basic, new[] { "User name", "Password" }, new[] { "Client id", "Bearer token" })]
    [InlineData(RemoteWriteAuthType.Bearer, new[] { "Bearer token" }, new[] { "User name", "Client id" })]
    [InlineData(RemoteWriteAuthType.OAuth2, new[] { "Client id", "Token URL", "Client secret", "Scopes (space-separated)" }, new[] { "User name", "Bearer token" })]
    public async Task MonitoringStep_AuthType_ShowsOnlyItsFields(RemoteWriteAuthType type, string[] shown, string[] hidden)
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtStepAsync(context, WizardStep.Monitoring);
        var page = context.Render<InstallPage>();

        await page.InvokeAsync(() => model.Set(WizardFields.AuthType, type));

        page.WaitForAssertion(() =>
        {
            var labels = page.FindAll("label, legend, .mud-typography-subtitle2").Select(l => l.TextContent.Trim()).ToList();
            Assert.All(shown, s => Assert.Contains(s, labels));
            Assert.All(hidden, h => Assert.DoesNotContain(h, labels));
        }, Wait);
    }

    [Fact]
    public async Task Import_BadYaml_ShowsLineAndColumn()
    {
        await using var context = WizardTestData.NewContext();
        var page = context.Render<InstallPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("nav[aria-label=Objects]")), Wait);

        page.FindAll("button").First(b => b.TextContent.Contains("Import values", StringComparison.Ordinal)).Click();
        page.WaitForElement("textarea", Wait).Change("runner:\n  name: edge\n  nmae: typo\n");
        page.FindAll("button").First(b => b.TextContent.Trim() == "Import").Click();

        page.WaitForAssertion(() =>
        {
            var alert = page.Find("[aria-label='Import problems']");
            Assert.Contains("line 3, column 3", alert.TextContent, StringComparison.Ordinal);
            Assert.Contains("runner.nmae", alert.TextContent, StringComparison.Ordinal);
        }, Wait);
    }

    [Fact]
    public async Task Export_TypedSecrets_DownloadsRedactedValues()
    {
        await using var context = WizardTestData.NewContext();
        context.Render<MudSnackbarProvider>();
        var model = context.Services.GetRequiredService<InstallWizardModel>();
        WizardTestData.FillIdentity(model);
        var page = context.Render<InstallPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("nav[aria-label=Objects]")), Wait);

        // Awaits the click handler itself: the download changes nothing on the page that a wait could watch.
        await page.Find("button[aria-label='Export values file (secrets redacted)']").ClickAsync(new());

        var invocation = context.JSInterop.VerifyInvoke(Downloads.DownloadFunction);
        Assert.Equal("values.yaml", invocation.Arguments[0]);
        var yaml = Assert.IsType<string>(invocation.Arguments[1]);
        Assert.Contains("name: edge-runner", yaml, StringComparison.Ordinal);
        Assert.Contains(ValuesWriter.RedactedPlaceholder, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("SUAIRUNNERSEED", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_Download_MasksSecretData()
    {
        await using var context = WizardTestData.NewContext();
        context.Render<MudSnackbarProvider>();
        WizardTestData.FillIdentity(context.Services.GetRequiredService<InstallWizardModel>());
        var page = context.Render<InstallPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("nav[aria-label=Objects]")), Wait);

        await page.Find("button[aria-label='Download the bundle']").ClickAsync(new());

        var invocation = context.JSInterop.VerifyInvoke(Downloads.DownloadFunction);
        Assert.Equal("kubiya-runner-manifests.yaml", invocation.Arguments[0]);
        var yaml = Assert.IsType<string>(invocation.Arguments[1]);
        Assert.Contains("kind: Deployment", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("SUAIRUNNERSEED", yaml, StringComparison.Ordinal);
        Assert.Contains("<masked: ", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewStep_Viewer_SeesContinueDisabledWithExplanation()
    {
        await using var context = WizardTestData.NewContext(role: "viewer");
        var model = await AtStepAsync(context, WizardStep.Review);
        WizardTestData.FillIdentity(model);
        var page = context.Render<InstallPage>();

        var button = page.WaitForElement("button:contains('Continue to diff')", Wait);

        Assert.True(button.HasAttribute("disabled"));
        Assert.Contains("only operators can continue", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewStep_OperatorContinues_HandsOffAndNavigatesToPlan()
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtStepAsync(context, WizardStep.Review);
        WizardTestData.FillIdentity(model);
        ReviewHandoff? handoff = null;
        model.ReviewCompleted += h => handoff = h;
        var page = context.Render<InstallPage>();

        var button = page.WaitForElement("button:contains('Continue to diff')", Wait);
        Assert.False(button.HasAttribute("disabled"));
        button.Click();

        page.WaitForAssertion(() => Assert.NotNull(handoff), Wait);
        Assert.Equal("edge-runner", handoff!.Values.Runner.Name);
        Assert.EndsWith(Components.Pages.Install.Install.PlanRoute, context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
        var pending = context.Services.GetRequiredService<RunnerConsole.Model.Operate.PendingChange>().Current;
        Assert.NotNull(pending);
        Assert.Equal(RunnerConsole.Model.Operate.ChangeKind.Install, pending.Kind);
        Assert.Equal(handoff.ReleaseName, pending.Release);
        Assert.Equal("edge-runner", pending.Values!.Runner.Name);
    }

    [Fact]
    public async Task Render_SavedSnapshot_RestoresAndAsksForSecrets()
    {
        var store = new TestWizardStateStore();
        var source = WizardTestData.NewModel();
        await source.Cluster.LoadAsync(Xunit.TestContext.Current.CancellationToken);
        WizardTestData.FillIdentity(source);
        source.GoTo((int)WizardStep.Components);
        store.Saved = source.ToSnapshot();
        await using var context = WizardTestData.NewContext(store: store);
        context.Render<MudSnackbarProvider>();

        var page = context.Render<InstallPage>();

        page.WaitForAssertion(() => Assert.Contains("Secrets are never kept in the browser", page.Markup, StringComparison.Ordinal), Wait);
        var model = context.Services.GetRequiredService<InstallWizardModel>();
        Assert.Equal("edge-runner", model.Values.Runner.Name);
        Assert.Equal(WizardStep.Identity, model.Step);
    }

    [Fact]
    public async Task Preview_DaggerToggledOff_TreeCountDrops()
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtStepAsync(context, WizardStep.Components);
        WizardTestData.FillIdentity(model);
        var page = context.Render<InstallPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("button[aria-label='Deployment dagger-engine']")), Wait);
        var before = ObjectCount(page);

        var daggerSwitch = page.FindAll("[role=group]").First(g => g.GetAttribute("aria-label") == "dagger engine").QuerySelector("input")!;
        daggerSwitch.Change(false);

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("button[aria-label='Deployment dagger-engine']"));
            Assert.True(ObjectCount(page) < before);
        }, Wait);
    }

    private static int ObjectCount(IRenderedComponent<InstallPage> page) =>
        int.Parse(page.Find("[data-testid=object-count]").TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static AngleSharp.Dom.IElement NextButton(IRenderedComponent<InstallPage> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Next");

    private static async Task<InstallWizardModel> AtStepAsync(BunitContext context, WizardStep step)
    {
        var model = context.Services.GetRequiredService<InstallWizardModel>();
        await model.Cluster.LoadAsync(Xunit.TestContext.Current.CancellationToken);
        model.GoTo((int)step);
        return model;
    }
}
