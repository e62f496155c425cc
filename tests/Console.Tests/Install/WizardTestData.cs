using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Core.Values;
using RunnerConsole.Model.Clusters;
using RunnerConsole.Model.Preview;
using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Console.Tests.Install;

/// <summary>Values and wiring shared by the wizard tests: the real renderer and policy engine, test cluster and storage.</summary>
public static class WizardTestData
{
    public const string RunnerCreds = """
        -----BEGIN NATS USER JWT-----
        eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.runner-jwt
        ------END NATS USER JWT------
        -----BEGIN USER NKEY SEED-----
        SUAIRUNNERSEEDRUNNERSEEDRUNNERSEEDRUNNERSEEDRUNNERSEED
        ------END USER NKEY SEED------
        """;

    public const string CustomerCreds = """
        -----BEGIN NATS USER JWT-----
        eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.customer-jwt
        ------END NATS USER JWT------
        -----BEGIN USER NKEY SEED-----
        SUAICUSTOMERSEEDCUSTOMERSEEDCUSTOMERSEEDCUSTOMERSEED
        ------END USER NKEY SEED------
        """;

    public static InstallWizardModel NewModel(IClusterDirectory? directory = null) =>
        new(directory ?? new TestClusterDirectory(), new PreviewModel(new CorePreviewRenderer(new PreviewRegistryTls(TimeProvider.System))));

    /// <summary>Fills identity and both credentials: the minimum for valid values.</summary>
    public static void FillIdentity(InstallWizardModel model)
    {
        model.Set(WizardFields.RunnerName, "edge-runner");
        model.Set(WizardFields.Organization, "acme");
        model.Set(SecretFields.RunnerCredentials, SecretSource.FromValue(RunnerCreds));
        model.Set(SecretFields.CustomerCredentials, SecretSource.FromValue(CustomerCreds));
    }

    /// <summary>A bUnit context with MudBlazor, the wizard's services and an operator (or viewer) signed in.</summary>
    public static BunitContext NewContext(string role = "operator", TestWizardStateStore? store = null)
    {
        var context = TestConsoleContext.Create();
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton<IClusterDirectory, TestClusterDirectory>();
        context.Services.AddSingleton<PreviewRegistryTls>();
        context.Services.AddSingleton<IPreviewRenderer, CorePreviewRenderer>();
        context.Services.AddSingleton<SharedPreviews>();
        context.Services.AddScoped<PreviewModel>();
        context.Services.AddScoped<InstallWizardModel>();
        context.Services.AddScoped<RunnerConsole.Model.Operate.PendingChange>();
        context.Services.AddSingleton<IWizardStateStore>(store ?? new TestWizardStateStore());
        var auth = context.AddAuthorization();
        auth.SetAuthorized("tester");
        auth.SetRoles(role);
        return context;
    }
}
