using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Model.Wizard;
using InstallPage = RunnerConsole.Components.Pages.Install.Install;

namespace RunnerConsole.Console.Tests.Install;

/// <summary>
/// Typing into the wizard while the circuit is busy: text typed into a field and not yet committed to the model must
/// survive leaving the field and every re-render of the form.
/// </summary>
public sealed class WizardTypingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task NextFieldTyped_AfterTheDebounceElapsedButBeforeItsUpdateRan_BothKeepTheirText()
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtIdentityAsync(context);
        var page = context.Render<InstallPage>();
        var name = Input(page, "Runner name");
        var organization = Input(page, "Organization");

        // One busy stretch of the circuit, longer than the debounce interval (a loaded machine): the name's update
        // is due but queued behind it when the move to the next field blurs the name, and the next field is typed.
        await page.InvokeAsync(() =>
        {
            name.Input("edge-runner");
            Thread.Sleep(150);
            name.Blur();
            organization.Input("acme");
        });

        page.WaitForAssertion(() =>
        {
            Assert.Equal("edge-runner", model.Values.Runner.Name);
            Assert.Equal("acme", model.Values.Runner.Organization);
        }, Wait);
        Assert.Equal("edge-runner", Input(page, "Runner name").GetAttribute("value"));
        Assert.Equal("acme", Input(page, "Organization").GetAttribute("value"));
    }

    [Fact]
    public async Task FormReRenderedAfterTheDebounceElapsed_ChangedFieldKeepsItsTypedText()
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtIdentityAsync(context);
        var page = context.Render<InstallPage>();
        var subject = Input(page, "NATS subject");

        // The subject's placeholder follows the runner name, so a committed name re-renders the subject field itself
        // while its own typed text is still on its way to the model.
        await page.InvokeAsync(() =>
        {
            subject.Input("acme.custom.incoming");
            Thread.Sleep(150);
            model.Set(WizardFields.RunnerName, "edge-runner");
        });

        page.WaitForAssertion(() => Assert.Equal("acme.custom.incoming", model.Values.Cloud.Subject), Wait);
        Assert.Equal("acme.custom.incoming", Input(page, "NATS subject").GetAttribute("value"));
        Assert.Equal("edge-runner", Input(page, "Runner name").GetAttribute("value"));
    }

    [Fact]
    public async Task Import_AfterTyping_FieldsShowTheImportedValues()
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtIdentityAsync(context);
        var page = context.Render<InstallPage>();
        Input(page, "Runner name").Input("typed-runner");
        page.WaitForAssertion(() => Assert.Equal("typed-runner", model.Values.Runner.Name), Wait);

        await page.InvokeAsync(() => Assert.True(model.Import("runner:\n  name: imported-runner\n  organization: acme\n")));

        page.WaitForAssertion(() => Assert.Equal("imported-runner", Input(page, "Runner name").GetAttribute("value")), Wait);
        Assert.Equal("acme", Input(page, "Organization").GetAttribute("value"));
    }

    [Fact]
    public async Task ListField_TypedWithoutSpaces_StoredAsListAndShownAsTyped()
    {
        await using var context = WizardTestData.NewContext();
        var model = await AtIdentityAsync(context);
        model.GoTo((int)WizardStep.Security);
        var page = context.Render<InstallPage>();

        Input(page, "Image pull secrets (comma-separated)").Input("regcred,mirror");

        page.WaitForAssertion(() => Assert.Equal(["regcred", "mirror"], model.Values.Images.PullSecrets), Wait);
        await page.InvokeAsync(() => model.Set(WizardFields.Registry, "mirror.example.com"));
        Assert.Equal("regcred,mirror", Input(page, "Image pull secrets (comma-separated)").GetAttribute("value"));
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<InstallPage> page, string label) =>
        page.FindAll(".mud-input-control")
            .Single(c => c.QuerySelector("label")?.TextContent.Trim() == label)
            .QuerySelector("input")!;

    private static async Task<InstallWizardModel> AtIdentityAsync(BunitContext context)
    {
        var model = context.Services.GetRequiredService<InstallWizardModel>();
        await model.Cluster.LoadAsync(Xunit.TestContext.Current.CancellationToken);
        model.GoTo((int)WizardStep.Identity);
        return model;
    }
}
