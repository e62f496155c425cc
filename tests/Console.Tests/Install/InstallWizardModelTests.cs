using RunnerConsole.Core.Values;
using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Console.Tests.Install;

public sealed class InstallWizardModelTests
{
    [Fact]
    public void Set_InvalidRunnerName_ShowsTheValidatorsMessageOnlyOnceTouched()
    {
        var model = WizardTestData.NewModel();
        Assert.Null(model.ErrorFor("runner.name"));

        model.Set(WizardFields.RunnerName, "Edge_Runner");

        var cli = ValuesValidator.Validate(model.Values, "runner.name").Single();
        Assert.Equal(cli.Message, model.ErrorFor("runner.name"));
        Assert.Null(model.ErrorFor("runner.organization"));
    }

    [Fact]
    public void CanLeave_IdentityStep_FalseUntilIdentityAndCredentialsAreGiven()
    {
        var model = WizardTestData.NewModel();
        Assert.False(model.CanLeave(WizardStep.Identity));
        Assert.Contains(model.ErrorsOf(WizardStep.Identity), e => e.Path == "cloud.runnerCredentials");

        WizardTestData.FillIdentity(model);

        Assert.True(model.CanLeave(WizardStep.Identity));
        Assert.Empty(model.Errors);
    }

    [Fact]
    public void Import_MalformedYaml_KeepsValuesAndReportsLineAndColumn()
    {
        var model = WizardTestData.NewModel();
        model.Set(WizardFields.RunnerName, "kept");

        var imported = model.Import("runner:\n  name: edge\n  nmae: typo\ncloud: [\n");

        Assert.False(imported);
        Assert.Equal("kept", model.Values.Runner.Name);
        Assert.NotEmpty(model.ImportProblems);
        Assert.All(model.ImportProblems, p => Assert.NotNull(p.Error.Line));
        Assert.StartsWith("line ", model.ImportProblems[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownKey_NamesItsPosition()
    {
        var model = WizardTestData.NewModel();

        var imported = model.Import("runner:\n  name: edge\n  nmae: typo\n");

        Assert.False(imported);
        var problem = Assert.Single(model.ImportProblems);
        Assert.Equal(3, problem.Error.Line);
        Assert.Contains("line 3, column 3", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ValidFile_ReplacesValuesAndShowsAllErrors()
    {
        var model = WizardTestData.NewModel();

        var imported = model.Import("runner:\n  name: from-file\n  organization: acme\n");

        Assert.True(imported);
        Assert.Equal("from-file", model.Values.Runner.Name);
        Assert.Empty(model.ImportProblems);
        Assert.NotNull(model.ErrorFor("cloud.runnerCredentials"));
    }

    [Fact]
    public void Export_WithTypedSecrets_RedactsThemAndReimports()
    {
        var model = WizardTestData.NewModel();
        WizardTestData.FillIdentity(model);
        model.Set(WizardFields.AuthType, RemoteWriteAuthType.Bearer);
        model.Set(SecretFields.BearerToken, SecretSource.FromValue("bearer-token-value-42"));

        var yaml = model.Export();

        Assert.DoesNotContain("SUAIRUNNERSEED", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("bearer-token-value-42", yaml, StringComparison.Ordinal);
        Assert.Contains(ValuesWriter.RedactedPlaceholder, yaml, StringComparison.Ordinal);
        Assert.Contains("name: edge-runner", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToSnapshot_TypedSecrets_AreDroppedAndNamedForReentry()
    {
        var model = WizardTestData.NewModel();
        await model.Cluster.LoadAsync(TestContext.Current.CancellationToken);
        WizardTestData.FillIdentity(model);
        model.Set(SecretFields.CustomerCredentials, SecretSource.FromExistingSecret("nats-creds", "customer.creds"));
        model.GoTo((int)WizardStep.Monitoring);

        var snapshot = model.ToSnapshot();

        Assert.DoesNotContain("SUAIRUNNERSEED", snapshot.ValuesYaml, StringComparison.Ordinal);
        Assert.Equal([SecretFields.RunnerCredentials.Label], snapshot.RemovedSecrets);

        var restored = WizardTestData.NewModel();
        await restored.Cluster.LoadAsync(TestContext.Current.CancellationToken);
        await restored.RestoreAsync(snapshot, TestContext.Current.CancellationToken);

        Assert.Equal("edge-runner", restored.Values.Runner.Name);
        Assert.Equal("nats-creds", restored.Values.Cloud.CustomerCredentials.ExistingSecret);
        Assert.True(restored.Values.Cloud.RunnerCredentials.IsEmpty);
        Assert.Equal([SecretFields.RunnerCredentials.Label], restored.SecretsToReenter);
        // The runner credentials are missing again, so the wizard lands on the identity step, not past it.
        Assert.Equal(WizardStep.Identity, restored.Step);
    }

    [Fact]
    public void SetAuthType_SwitchingType_ClearsTheHiddenBlock()
    {
        var model = WizardTestData.NewModel();
        model.Set(WizardFields.RemoteWriteUrl, "https://prom.example.com/api/v1/write");
        model.Set(WizardFields.AuthType, RemoteWriteAuthType.Basic);
        model.Set(WizardFields.BasicUsername, "writer");

        model.Set(WizardFields.AuthType, RemoteWriteAuthType.OAuth2);

        Assert.Equal(string.Empty, model.Get(WizardFields.BasicUsername));
        Assert.DoesNotContain(model.Errors, e => e.Path.EndsWith(".auth.basic", StringComparison.Ordinal));
        Assert.Contains(model.Errors, e => e.Path == "monitoring.otelCollector.remoteWrite.auth.oauth2.clientId");
    }

    [Fact]
    public async Task CompleteReview_ValidInstall_RaisesHandoffWithTarget()
    {
        var model = WizardTestData.NewModel();
        await model.Cluster.LoadAsync(TestContext.Current.CancellationToken);
        await model.Cluster.SetNamespaceAsync("runners", TestContext.Current.CancellationToken);
        WizardTestData.FillIdentity(model);
        ReviewHandoff? raised = null;
        model.ReviewCompleted += h => raised = h;

        var handoff = model.CompleteReview();

        Assert.Same(handoff, raised);
        Assert.Equal(TestClusterDirectory.Sandbox, handoff.Context);
        Assert.Equal("runners", handoff.Namespace);
        Assert.Equal(InstallWizardModel.DefaultReleaseName, handoff.ReleaseName);
        Assert.Equal("edge-runner", handoff.Values.Runner.Name);
        Assert.Same(handoff, model.Handoff);
    }

    [Fact]
    public void CompleteReview_OpenProblems_Throws()
    {
        var model = WizardTestData.NewModel();

        Assert.Throws<InvalidOperationException>(() => model.CompleteReview());
        Assert.Null(model.Handoff);
    }

    [Fact]
    public void SetReleaseName_Invalid_BlocksTheClusterStep()
    {
        var model = WizardTestData.NewModel();

        model.SetReleaseName("Not_A_Label");

        Assert.NotNull(model.ReleaseNameError);
        Assert.False(model.CanLeave(WizardStep.Cluster));
    }
}
