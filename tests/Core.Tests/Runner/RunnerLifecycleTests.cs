using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Runner;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Runner;

/// <summary>The whole runner, rendered for real, through install → upgrade → rollback → uninstall on each cluster target.</summary>
public sealed class RunnerLifecycleTests
{
    private const string Release = "runner";
    private const string Namespace = "kubiya-runner";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Targets => ["sandbox", "kubeconfig", "k3s"];

    private static RunnerValues Values(string version) => RunnerValues.Defaults with
    {
        Version = version,
        Runner = new RunnerIdentity { Name = "eu-runner", Organization = "acme" },
        Cloud = new CloudValues
        {
            RunnerCredentials = SecretSource.FromExistingSecret("runner-nats-creds"),
            CustomerCredentials = SecretSource.FromExistingSecret("customer-nats-creds"),
        },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Lifecycle_InstallUpgradeRollbackUninstall_FollowsHelmRulesWithTheRealRunner(string target)
    {
        await using var cluster = await ClusterTarget.StartAsync(target);
        var context = new OperationContext(cluster.Cluster);
        var options = new OperationOptions
        {
            Operator = "lifecycle-test",
            Wait = cluster.Simulated,
            Timeout = TimeSpan.FromSeconds(60),
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
        var catalog = RunnerCatalog.Default;
        var oldVersion = catalog.Versions[0];
        var newVersion = catalog.Latest;
        Assert.NotEqual(oldVersion.Version, newVersion.Version);

        var installRequest = await RunnerRelease.PrepareAsync(Values(oldVersion.Version), oldVersion, Release, Namespace, cluster.Cluster, TimeProvider.System, Ct);
        var install = await new InstallOperation(context).RunAsync(installRequest, options, null, Ct);
        Assert.True(install.Succeeded, install.Message);
        if (cluster.Simulated)
        {
            var status = await new StatusOperation(context).RunAsync(Release, Namespace, 0, Ct);
            Assert.NotNull(status);
        }

        var upgradeRequest = await RunnerRelease.PrepareAsync(Values(newVersion.Version), newVersion, Release, Namespace, cluster.Cluster, TimeProvider.System, Ct);
        var plan = await new DiffOperation(context).RunAsync(upgradeRequest, new PlanOptions(), Ct);
        var changed = plan.Objects.Where(o => o.Action == PlanAction.Change).ToList();
        Assert.NotEmpty(changed);
        Assert.Equal(0, plan.Summary.Added);
        Assert.Equal(0, plan.Summary.Removed);
        // Only image tags and the version labels move between catalog versions; the registry key pair is kept.
        var unexpected = changed.SelectMany(o => o.Changes.Select(c => $"{o.Key}: {c}"))
            .Where(c => !c.Contains(".image:", StringComparison.Ordinal) && !c.Contains("app.kubernetes.io/version", StringComparison.Ordinal)
                && !c.Contains("helm.sh/chart", StringComparison.Ordinal) && !c.Contains("versions.json", StringComparison.Ordinal))
            .ToList();
        Assert.True(unexpected.Count == 0, "unexpected changes:\n" + string.Join("\n", unexpected));
        var tls = Assert.Single(changed, o => o.Key.Kind == "Secret");
        Assert.NotEmpty(tls.SecretKeys);
        Assert.All(tls.SecretKeys, k => Assert.Equal(SecretKeyState.Unchanged, k.State));

        var upgrade = await new UpgradeOperation(context).RunAsync(upgradeRequest, install: false, options, null, Ct);
        Assert.True(upgrade.Succeeded, upgrade.Message);

        var rollback = await new RollbackOperation(context).RunAsync(Release, Namespace, 1, options, null, Ct);
        Assert.True(rollback.Succeeded, rollback.Message);
        var history = await new HistoryOperation(context).RunAsync(Release, Namespace, Ct);
        Assert.Equal([ReleaseStatus.Superseded, ReleaseStatus.Superseded, ReleaseStatus.Deployed], history.Select(h => h.Status));
        Assert.Equal($"kubiya-runner-{oldVersion.Version}", history[^1].Chart);

        var uninstall = await new UninstallOperation(context).RunAsync(Release, Namespace, keepHistory: false, options, null, Ct);
        Assert.True(uninstall.Succeeded, uninstall.Message);
        Assert.Empty(await new HistoryOperation(context).RunAsync(Release, Namespace, Ct));
    }
}
