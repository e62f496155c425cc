using Bunit;
using MudBlazor;
using RunnerConsole.Components.Controls;
using RunnerConsole.Core.Policy;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;
using RunnerConsole.Model.Preview;
using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Console.Tests.Install;

public sealed class ControlsTests
{
    [Fact]
    public async Task YamlViewer_Yaml_IsHighlightedAndNamed()
    {
        await using var context = TestConsoleContext.Create();

        var viewer = context.Render<YamlViewer>(p => p.Add(v => v.Yaml, "kind: Deployment\nnote: <b>x</b>\n").Add(v => v.Title, "YAML of Deployment x"));

        Assert.Equal("YAML of Deployment x", viewer.Find("[role=region]").GetAttribute("aria-label"));
        Assert.Equal("kind", viewer.Find(".yk").TextContent);
        Assert.Empty(viewer.FindAll("b"));
    }

    [Fact]
    public async Task YamlViewer_Empty_ShowsEmptyText()
    {
        await using var context = TestConsoleContext.Create();

        var viewer = context.Render<YamlViewer>(p => p.Add(v => v.Yaml, string.Empty).Add(v => v.EmptyText, "Select an object"));

        Assert.Contains("Select an object", viewer.Markup, StringComparison.Ordinal);
        Assert.Empty(viewer.FindAll("pre"));
    }

    [Fact]
    public async Task ObjectTree_Click_RaisesSelectionAndShowsCounts()
    {
        await using var context = TestConsoleContext.Create();
        var service = new ObjectKey("v1", "Service", "kubiya", "tool-manager");
        var deployment = new ObjectKey("apps/v1", "Deployment", "kubiya", "tool-manager");
        ObjectKey? selected = null;
        var groups = new[] { new KindGroup("Service", [service]), new KindGroup("Deployment", [deployment]) };

        var tree = context.Render<ObjectTree>(p => p
            .Add(t => t.Groups, groups)
            .Add(t => t.SelectedChanged, (ObjectKey k) => selected = k));

        tree.Find("button[aria-label='Deployment tool-manager']").Click();

        Assert.Equal(deployment, selected);
        Assert.NotNull(tree.Find("[aria-label='1 Deployment']"));
    }

    [Fact]
    public async Task ObjectTree_NoObjects_ShowsEmptyState()
    {
        await using var context = TestConsoleContext.Create();

        var tree = context.Render<ObjectTree>(p => p.Add(t => t.Groups, Array.Empty<KindGroup>()));

        Assert.Contains("No objects to show.", tree.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyReportList_Findings_ShowCountsAndLinkToObject()
    {
        await using var context = TestConsoleContext.Create();
        var target = new PolicyObjectRef("apps/v1", "Deployment", "dagger-engine", "kubiya", "dagger.yaml");
        var report = new PolicyReport(
        [
            new PolicyFinding("PS007", PolicySeverity.AcceptedException, target, "spec.template.spec.containers[name=dagger-engine].securityContext.privileged", "privileged", "drop privileged", "dagger needs it"),
            new PolicyFinding("RS002", PolicySeverity.Warning, target, "spec.template.spec.containers[name=dagger-engine].resources.limits.cpu", "no cpu limit", "set a limit"),
        ], 1);
        PolicyFinding? followed = null;

        var list = context.Render<PolicyReportList>(p => p.Add(l => l.Report, report).Add(l => l.OnSelect, (PolicyFinding f) => followed = f));

        Assert.Contains("0 errors", list.Markup, StringComparison.Ordinal);
        Assert.Contains("1 warning", list.Markup, StringComparison.Ordinal);
        Assert.Contains("1 accepted exception", list.Markup, StringComparison.Ordinal);
        Assert.Contains("Accepted: dagger needs it", list.Markup, StringComparison.Ordinal);
        list.FindAll("button.finding-link").Single(b => b.GetAttribute("aria-label")!.EndsWith("limits.cpu", StringComparison.Ordinal)).Click();
        Assert.Equal("RS002", followed?.RuleId);
    }

    [Fact]
    public async Task SecretField_ExistingSecretMode_ListsNamespaceSecretsAndClearsTypedValue()
    {
        await using var context = TestConsoleContext.Create();
        var popover = context.Render<MudPopoverProvider>();
        var model = WizardTestData.NewModel();
        model.Set(SecretFields.BearerToken, SecretSource.FromValue("typed-token"));
        var field = context.Render<SecretField>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.Field, SecretFields.BearerToken)
            .Add(f => f.SecretNames, new[] { "nats-creds", "prometheus-auth" }));
        Assert.Equal("password", field.Find("input.mud-input-root").GetAttribute("type"));

        field.FindAll("button").First(b => b.TextContent.Contains("Existing Secret", StringComparison.Ordinal)).Click();
        field.Find(".mud-select .mud-input-control").MouseDown();

        popover.WaitForAssertion(() => Assert.Contains("prometheus-auth", popover.Markup, StringComparison.Ordinal));
        Assert.True(model.Get(SecretFields.BearerToken).IsEmpty);
    }

    [Fact]
    public async Task ErrorSummary_Errors_ListsPathAndMessage()
    {
        await using var context = TestConsoleContext.Create();

        var summary = context.Render<ErrorSummary>(p => p.Add(s => s.Errors, new[] { new ValuesError("runner.name", "is required") }));

        Assert.Contains("1 problem to fix before continuing", summary.Markup, StringComparison.Ordinal);
        Assert.Contains("runner.name", summary.Find("li").TextContent, StringComparison.Ordinal);
        Assert.Contains("is required", summary.Find("li").TextContent, StringComparison.Ordinal);
    }
}
