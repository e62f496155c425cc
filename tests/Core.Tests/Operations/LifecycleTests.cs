using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Tests.Operations;

public sealed class LifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_FreshNamespace_CreatesObjectsAndDeployedRevision()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var events = new List<OperationEvent>();

        var result = await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(), TestSandbox.Options, new SyncProgress(events), Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([(1, "deployed")], sandbox.StoredRevisions());
        var cm = sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config");
        Assert.NotNull(cm);
        Assert.Equal("Helm", (string?)cm["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]);
        Assert.Equal("runner", (string?)cm["metadata"]!["annotations"]!["meta.helm.sh/release-name"]);
        Assert.Contains(events, e => e is ObjectReady { Health.Key.Kind: "Deployment" });
        // Phases in order: the config maps before the deployment.
        var applied = events.OfType<ObjectApplied>().Select(e => e.Key.Kind).ToList();
        Assert.True(applied.IndexOf("ConfigMap") < applied.IndexOf("Role"));
        Assert.True(applied.IndexOf("Service") < applied.IndexOf("Deployment"));
        var record = (await sandbox.Context.Store.GetAsync("runner", TestSandbox.Ns, 1, Ct))!;
        Assert.Equal("ssa", record.Record.ApplyMethod);
        Assert.Contains("# Source: kubiya-runner/templates/deployment.yaml", record.Record.Manifest);
        Assert.Equal("install by test-operator", record.Operator);
    }

    [Fact]
    public async Task Lifecycle_InstallUpgradeRollbackUninstall_FollowsHelmHistoryRules()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var options = TestSandbox.Options;

        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request("one"), options, null, Ct)).Succeeded);

        var upgrade = await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("two", withExtra: false), install: false, options, null, Ct);
        Assert.True(upgrade.Succeeded, upgrade.Message);
        Assert.Equal([(1, "superseded"), (2, "deployed")], sandbox.StoredRevisions());
        Assert.Equal("two", (string?)sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config")!["data"]!["value"]);
        Assert.Null(sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-extra"));
        Assert.Equal(1, upgrade.Plan!.Summary.Changed);
        Assert.Equal(1, upgrade.Plan.Summary.Removed);

        var rollback = await new RollbackOperation(sandbox.Context).RunAsync("runner", TestSandbox.Ns, 1, options, null, Ct);
        Assert.True(rollback.Succeeded, rollback.Message);
        Assert.Equal([(1, "superseded"), (2, "superseded"), (3, "deployed")], sandbox.StoredRevisions());
        Assert.Equal("one", (string?)sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config")!["data"]!["value"]);
        Assert.NotNull(sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-extra"));
        var history = await new HistoryOperation(sandbox.Context).RunAsync("runner", TestSandbox.Ns, Ct);
        Assert.StartsWith("Rollback to 1", history[^1].Description);
        Assert.Equal(ReleaseStatus.Deployed, history[^1].Status);

        var uninstall = await new UninstallOperation(sandbox.Context).RunAsync("runner", TestSandbox.Ns, keepHistory: true, options, null, Ct);
        Assert.True(uninstall.Succeeded, uninstall.Message);
        Assert.Null(sandbox.Server.GetObject("apps", "deployments", TestSandbox.Ns, "tool-manager"));
        Assert.Null(sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config"));
        Assert.Equal([(1, "superseded"), (2, "superseded"), (3, "uninstalled")], sandbox.StoredRevisions());

        var purge = await new UninstallOperation(sandbox.Context).RunAsync("runner", TestSandbox.Ns, keepHistory: false, options, null, Ct);
        Assert.True(purge.Succeeded, purge.Message);
        Assert.Empty(sandbox.StoredRevisions());
    }

    [Fact]
    public async Task Upgrade_SameConfig_PlanIsEmptyAndOnlyReleaseRecordIsWritten()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(), TestSandbox.Options, null, Ct)).Succeeded);
        sandbox.Server.Log.Clear();

        var result = await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request(), install: false, TestSandbox.Options, null, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Plan!.HasChanges, string.Join("\n", result.Plan.Objects.Where(o => o.IsChange).Select(o => o.Key + "\n" + o.TextDiff)));
        var writes = sandbox.Server.Log.Entries.Where(e => e.Method is not "GET" && !e.Query.Contains("dryRun", StringComparison.Ordinal)).ToList();
        Assert.All(writes, w => Assert.Equal("secrets", w.Resource));
        Assert.All(writes, w => Assert.StartsWith("sh.helm.release.v1.runner.", w.Name ?? "sh.helm.release.v1.runner.(create)"));
        // Revision 2 created (the lock) and marked deployed, revision 1 marked superseded: as helm does.
        Assert.Equal(3, writes.Count);
        Assert.Equal([(1, "superseded"), (2, "deployed")], sandbox.StoredRevisions());
    }

    [Fact]
    public async Task Install_RequestBudget_AtMostObjectsPlusThreeWritesAndTwoReads()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var request = TestSandbox.Request();

        // Without --wait: the readiness polls are reads of their own.
        var result = await new InstallOperation(sandbox.Context).RunAsync(request, TestSandbox.Options with { Wait = false }, null, Ct);

        Assert.True(result.Succeeded, result.Message);
        var writes = sandbox.Server.Log.Entries.Where(e => e.Method is not "GET").ToList();
        // The namespace, the pending revision, each object once, the deployed revision; no dry-run (nothing existed).
        Assert.True(writes.Count <= request.Desired.Count + 3, string.Join("\n", writes));
        var reads = sandbox.Server.Log.Entries.Where(e => e.Method is "GET").ToList();
        Assert.True(reads.Count <= 2, string.Join("\n", reads));
    }

    [Fact]
    public async Task Diff_ChangedSecretAndConfigMap_PlanShowsChangesWithoutSecretValues()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request("one"), TestSandbox.Options, null, Ct)).Succeeded);
        var changed = TestSandbox.Request("two", image: "ghcr.io/kubiyabot/tool-manager:v0.5.8");
        ((k8s.Models.V1Secret)changed.Desired.Single(m => m.Kind == "Secret").Object).Data["token"] = "PLANTED-other-value!"u8.ToArray();

        var plan = await new DiffOperation(sandbox.Context).RunAsync(changed, new PlanOptions(), Ct);

        Assert.Equal(3, plan.Summary.Changed);
        var deployment = plan.Objects.Single(o => o.Key.Kind == "Deployment");
        Assert.Contains(deployment.Changes, c => c.Path == "spec.template.spec.containers[name=tool-manager].image" && c.New == "ghcr.io/kubiyabot/tool-manager:v0.5.8");
        var secret = plan.Objects.Single(o => o.Key.Kind == "Secret");
        Assert.Equal(SecretKeyState.Changed, Assert.Single(secret.SecretKeys).State);
        var everything = string.Join("\n", plan.Objects.Select(o => o.TextDiff + string.Join("\n", o.Changes) + o.Live?.ToJsonString()));
        Assert.DoesNotContain("PLANTED", everything);
        Assert.DoesNotContain(Convert.ToBase64String("PLANTED-token-value"u8.ToArray()), everything);
    }

    [Fact]
    public async Task Recover_StuckPendingUpgrade_MarksFailedAndUnlocks()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(), TestSandbox.Options, null, Ct)).Succeeded);
        var stuck = (await sandbox.Context.Store.GetAsync("runner", TestSandbox.Ns, 1, Ct))!.Record with { Version = 2 };
        await sandbox.Context.Store.CreateAsync(stuck.WithStatus(ReleaseStatus.PendingUpgrade, "Preparing upgrade"), "upgrade by crashed-process", Ct);

        var blocked = await Assert.ThrowsAsync<OperationInProgressException>(() => new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("x"), false, TestSandbox.Options, null, Ct));
        Assert.Contains("operation in progress by upgrade by crashed-process since", blocked.Message);

        var recovered = await new RecoverOperation(sandbox.Context).RunAsync("runner", TestSandbox.Ns, TestSandbox.Options, Ct);

        Assert.True(recovered.Succeeded);
        Assert.Equal([(1, "deployed"), (2, "failed")], sandbox.StoredRevisions());
        Assert.True((await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("x"), false, TestSandbox.Options, null, Ct)).Succeeded);
    }

    [Fact]
    public async Task Upgrade_BeyondHistoryMax_PrunesOldestKeepingLimit()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var options = TestSandbox.Options with { MaxHistory = 3, Wait = false };
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request("v1"), options, null, Ct)).Succeeded);

        foreach (var value in new[] { "v2", "v3", "v4", "v5" })
        {
            Assert.True((await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request(value), false, options, null, Ct)).Succeeded);
        }

        Assert.Equal([(3, "superseded"), (4, "superseded"), (5, "deployed")], sandbox.StoredRevisions());
    }
}

/// <summary>IProgress that records synchronously (Progress&lt;T&gt; posts to the thread pool and reorders).</summary>
internal sealed class SyncProgress(List<OperationEvent> events) : IProgress<OperationEvent>
{
    public void Report(OperationEvent value)
    {
        lock (events)
        {
            events.Add(value);
        }
    }
}
