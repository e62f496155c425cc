using RunnerConsole.Model.Preview;
using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Console.Tests.Install;

public sealed class PreviewModelTests
{
    [Fact]
    public async Task RefreshAsync_DaggerTurnedOff_TreeLosesTheDaggerObjects()
    {
        var model = WizardTestData.NewModel();
        WizardTestData.FillIdentity(model);
        await model.RefreshPreviewAsync();
        var before = model.Preview.Current;
        Assert.Null(before.Problem);
        Assert.Contains(before.Manifests, m => m.Name.Contains("dagger", StringComparison.Ordinal));

        model.Set(ComponentSpecs.Dagger.Enabled!, false);
        await model.RefreshPreviewAsync();

        var after = model.Preview.Current;
        Assert.True(after.Manifests.Count < before.Manifests.Count);
        Assert.DoesNotContain(after.Manifests, m => m.Name.Contains("dagger", StringComparison.Ordinal));
        Assert.Equal(after.Manifests.Count, after.Tree.Sum(g => g.Count));
    }

    [Fact]
    public async Task RefreshAsync_DefaultRunner_PolicyReportCoversTheRenderedObjects()
    {
        var model = WizardTestData.NewModel();
        WizardTestData.FillIdentity(model);

        await model.RefreshPreviewAsync();

        // Dagger is the one privileged workload: whatever the report decides about it, it must be listed, never hidden.
        var report = model.Preview.Current.Report;
        Assert.NotNull(report);
        Assert.Equal(model.Preview.Current.Manifests.Count, report.ObjectCount);
        Assert.Contains(report.Findings, f => f.Object.Name.Contains("dagger", StringComparison.Ordinal));
        Assert.Equal(report.Findings.Count, report.Errors + report.Warnings + report.AcceptedExceptions);
        Assert.Contains(report.Findings, f => f.Severity == Core.Policy.PolicySeverity.AcceptedException && f.Object.Name == "dagger-engine");
    }

    [Fact]
    public async Task SelectedYaml_CredentialsSecret_IsMaskedEverywhere()
    {
        var model = WizardTestData.NewModel();
        WizardTestData.FillIdentity(model);
        await model.RefreshPreviewAsync();
        var secret = model.Preview.Current.Manifests.First(m => m.Kind == "Secret");

        model.Preview.Select(secret.Key);

        Assert.Contains("<masked: ", model.Preview.SelectedYaml, StringComparison.Ordinal);
        Assert.DoesNotContain("SUAIRUNNERSEED", model.Preview.SelectedYaml, StringComparison.Ordinal);
        var bundle = PreviewYaml.Bundle(model.Preview.Current.Manifests);
        Assert.DoesNotContain("SUAIRUNNERSEED", bundle, StringComparison.Ordinal);
        Assert.DoesNotContain("SUAICUSTOMERSEED", bundle, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", bundle, StringComparison.Ordinal);
        Assert.Contains("kind: Deployment", bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_PolicyFinding_SelectsItsObjectAndField()
    {
        var model = WizardTestData.NewModel();
        WizardTestData.FillIdentity(model);
        await model.RefreshPreviewAsync();
        var finding = model.Preview.Current.Report!.Findings[0];

        model.Preview.Select(finding.Object, finding.FieldPath);

        Assert.Equal(finding.Object.Name, model.Preview.SelectedManifest?.Name);
        Assert.Equal(finding.FieldPath, model.Preview.SelectedField);
    }

    [Fact]
    public async Task RefreshAsync_InvalidReleaseName_ShowsAPlainProblemInsteadOfObjects()
    {
        var model = WizardTestData.NewModel();

        model.SetReleaseName("Bad_Release");
        await model.RefreshPreviewAsync();

        Assert.False(model.Preview.Current.HasObjects);
        Assert.StartsWith("The preview cannot be rendered", model.Preview.Current.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("DNS-1123", model.Preview.Current.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedPreviews_EqualInputs_TwoCircuitsHoldOneResult()
    {
        var (first, second, shared) = TwoCircuits();

        await first.RefreshPreviewAsync();
        await second.RefreshPreviewAsync();

        Assert.True(first.Preview.Current.HasObjects);
        Assert.Same(first.Preview.Current, second.Preview.Current);
        Assert.Equal(1, shared.LiveCount);

        // An edit in one circuit gives it its own result; the other keeps what it showed.
        var shown = second.Preview.Current;
        first.Set(WizardFields.RunnerName, "edge-runner");
        await first.RefreshPreviewAsync();

        Assert.NotSame(shown, first.Preview.Current);
        Assert.Same(shown, second.Preview.Current);
        Assert.Contains(first.Preview.Current.Manifests, m => PreviewYaml.Of(m).Contains("edge-runner", StringComparison.Ordinal));
        Assert.DoesNotContain(shown.Manifests, m => PreviewYaml.Of(m).Contains("edge-runner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SharedPreviews_CredentialsTypedIn_NeverShared()
    {
        var (first, second, _) = TwoCircuits();
        WizardTestData.FillIdentity(first);
        WizardTestData.FillIdentity(second);

        await first.RefreshPreviewAsync();
        await second.RefreshPreviewAsync();

        // Equal inputs, but with credentials typed in: each circuit renders its own.
        Assert.True(first.Preview.Current.HasObjects);
        Assert.NotSame(first.Preview.Current, second.Preview.Current);
    }

    [Fact]
    public void SharedPreviews_SameNamespace_SameRegistryKeyPairAcrossRenders()
    {
        var tls = new PreviewRegistryTls(TimeProvider.System);
        var request = new Core.Rendering.RegistryTlsRequest("kubiya", "registry-tls", ["registry.kubiya.svc"]);

        var first = tls.GetRegistryTls(request);
        var again = tls.GetRegistryTls(request with { DnsNames = ["registry.kubiya.svc"] });
        var other = tls.GetRegistryTls(request with { Namespace = "other" });

        Assert.Same(first, again);
        Assert.NotEqual(first.CertificatePem, other.CertificatePem);
    }

    // Two wizards (circuits) over one renderer and one SharedPreviews, as the console wires them.
    private static (InstallWizardModel First, InstallWizardModel Second, SharedPreviews Shared) TwoCircuits()
    {
        var renderer = new CorePreviewRenderer(new PreviewRegistryTls(TimeProvider.System));
        var shared = new SharedPreviews();
        return (new InstallWizardModel(new TestClusterDirectory(), new PreviewModel(renderer, shared)),
            new InstallWizardModel(new TestClusterDirectory(), new PreviewModel(renderer, shared)), shared);
    }
}
