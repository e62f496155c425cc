using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Auth;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Values;
using RunnerConsole.Hosting;
using RunnerConsole.Model.Clusters;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Console.Tests.Operate;

/// <summary>
/// The console's operate services wired to the real in-process sandbox (the built-in "sandbox" context), shared by
/// the tests of a class; each test uses its own release name so they stay independent.
/// </summary>
public sealed class OperateSandbox : IAsyncLifetime
{
    public const string Context = SandboxHost.ContextName;

    /// <summary>Each release gets its own namespace: runner object names are fixed per namespace, as in the chart.</summary>
    public static string Ns(string release) => "ns-" + release;

    /// <summary>Planted in the customer credentials: it must never reach a page or a plan text.</summary>
    public const string PlantedSecret = "PLANTEDSEEDNEVERSHOWN";

    private readonly string _dir = Directory.CreateTempSubdirectory("operate-").FullName;
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not initialised");

    public OperationRunner Runner => Services.GetRequiredService<OperationRunner>();

    public static ClaimsPrincipal Operator { get; } = Principal(ConsoleRoles.Operator);

    public static ClaimsPrincipal Viewer { get; } = Principal(ConsoleRoles.Viewer);

    public static RunnerValues Values(string environment = "prod", string seed = PlantedSecret) => RunnerValues.Defaults with
    {
        Runner = new RunnerIdentity { Name = "test-runner", Organization = "acme", Environment = environment },
        Cloud = RunnerValues.Defaults.Cloud with
        {
            RunnerCredentials = SecretSource.FromValue(Creds("RUNNERSEED")),
            CustomerCredentials = SecretSource.FromValue(Creds(seed)),
        },
        Version = Core.Catalog.RunnerCatalog.Default.Versions[0].Version,
    };

    public static string Creds(string seed) =>
        "-----BEGIN NATS USER JWT-----\neyJ0eXAiOiJKV1QifQ.test.jwt\n------END NATS USER JWT------\n\n" +
        $"-----BEGIN USER NKEY SEED-----\nSUA{seed}\n------END USER NKEY SEED------\n";

    /// <summary>Registers the operate services (and what they need) into <paramref name="services"/>.</summary>
    public static void AddOperate(IServiceCollection services, string kubeconfigPath)
    {
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new ConsoleWebAppSettings(Sandbox: true));
        services.AddSingleton(new KubeconfigLocation(kubeconfigPath));
        services.AddSingleton<SandboxHost>();
        services.AddSingleton<ClusterDirectory>();
        services.AddSingleton<IClusterDirectory>(sp => sp.GetRequiredService<ClusterDirectory>());
        services.AddSingleton<ClusterSessions>();
        services.AddSingleton<ReleaseRequests>();
        services.AddSingleton(new OperationDefaults(new OperationOptions { Timeout = TimeSpan.FromSeconds(60), PollInterval = TimeSpan.FromMilliseconds(50) }));
        services.AddSingleton<OperationRunner>();
        services.AddScoped<PendingChange>();
        services.AddTransient<PlanModel>();
        services.AddTransient<ProgressModel>();
        services.AddTransient<ReleasesModel>();
        services.AddTransient<ReleaseDetailModel>();
    }

    public ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        AddOperate(services, Path.Combine(_dir, "absent-kubeconfig"));
        _services = services.BuildServiceProvider();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Installs <paramref name="release"/> through the runner and waits for it to finish.</summary>
    public async Task<RunningOperation> InstallAsync(string release, RunnerValues? values = null)
    {
        var operation = Runner.Start(Operator, new OperationStart(new ProposedChange(ChangeKind.Install, Context, Ns(release), release) { Values = values ?? Values() }) { Reason = "first install" });
        await FinishedAsync(operation);
        return operation;
    }

    /// <summary>Waits (with a deadline) for <paramref name="operation"/> to finish.</summary>
    public static Task FinishedAsync(RunningOperation operation) =>
        operation.Completion.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A fresh scope: one circuit (its own <see cref="PendingChange"/>).</summary>
    public IServiceScope Circuit() => Services.CreateScope();

    public static ReleaseDetailModel Detail(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<ReleaseDetailModel>();

    private static ClaimsPrincipal Principal(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], "test"));
}
