using k8s.Models;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Tests.Releases;
using RunnerConsole.Sandbox.Faults;

namespace RunnerConsole.Core.Tests.Operations;

public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Install_TransientErrorsOnApplyAndRead_AreRetried(int status)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Server.Faults.Add(new FaultRule { Verb = "patch", Resource = "deployments", StatusCode = status, Times = 2, RetryAfterSeconds = 0 });
        sandbox.Server.Faults.Add(new FaultRule { Verb = "get", Resource = "configmaps", StatusCode = status, Times = 1, RetryAfterSeconds = 0 });

        var result = await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(), TestSandbox.Options, null, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(2, sandbox.Server.Log.Count(e => e.Status == status && e.Resource == "deployments"));
        Assert.NotNull(sandbox.Server.GetObject("apps", "deployments", TestSandbox.Ns, "tool-manager"));
    }

    [Fact]
    public async Task Create_ReleaseSecretOn503_IsNotRetried()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.Cluster.ApplyAsync(KubeObjects.Namespace(TestSandbox.Ns), new ApplyOptions(), Ct);
        sandbox.Server.Faults.Add(new FaultRule { Verb = "create", Resource = "secrets", StatusCode = 503, Times = 1 });

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => sandbox.Context.Store.CreateAsync(TestReleases.Record(), null, Ct));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.Status);
        Assert.Equal(1, sandbox.Server.Log.Count(e => e.Method == "POST" && e.Resource == "secrets"));
    }

    [Fact]
    public async Task Upgrade_NeverReadyWithAtomic_FailsWithReasonAndRollsBack()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request("one"), TestSandbox.Options, null, Ct)).Succeeded);
        // Revision 2 adds a workload whose pods never start.
        var upgrade = TestSandbox.Request("two");
        var broken = TestSandbox.Objects("two", "ghcr.io/kubiyabot/agent-manager:v9.9.9", false, "never-ready:ImagePullBackOff").Single(m => m.Kind == "Deployment");
        ((V1Deployment)broken.Object).Metadata.Name = "agent-manager";
        upgrade = upgrade with { Desired = new ManifestSet([.. upgrade.Desired, broken]) };

        var result = await new UpgradeOperation(sandbox.Context).RunAsync(upgrade, false, TestSandbox.Options with { Atomic = true, Timeout = TimeSpan.FromSeconds(2) }, null, Ct);

        Assert.False(result.Succeeded);
        Assert.True(result.Message.Contains("timed out after 2s waiting for deployment/agent-manager: 0/2 available, ImagePullBackOff", StringComparison.Ordinal), result.Message);
        Assert.True(result.RolledBack, result.Message);
        Assert.Equal([(1, "superseded"), (2, "failed"), (3, "deployed")], sandbox.StoredRevisions());
        Assert.Equal("one", (string?)sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config")!["data"]!["value"]);
        Assert.Null(sandbox.Server.GetObject("apps", "deployments", TestSandbox.Ns, "agent-manager"));
    }

    [Fact]
    public async Task Install_NeverReadyWithoutAtomic_MarksRevisionFailed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var result = await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(behavior: "never-ready:ErrImagePull"), TestSandbox.Options with { Timeout = TimeSpan.FromSeconds(1) }, null, Ct);

        Assert.False(result.Succeeded);
        Assert.True(result.Message.Contains("timed out after 1s waiting for deployment/tool-manager: 0/2 available, ErrImagePull", StringComparison.Ordinal), result.Message);
        Assert.Equal([(1, "failed")], sandbox.StoredRevisions());
    }

    [Fact]
    public async Task Install_ForbiddenOnOneObject_NamesTheObject()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Server.Faults.Add(new FaultRule { Verb = "patch", Resource = "roles", StatusCode = 403, Message = "roles.rbac.authorization.k8s.io \"tool-manager\" is forbidden: user cannot patch" });

        var result = await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(), TestSandbox.Options, null, Ct);

        Assert.False(result.Succeeded);
        Assert.StartsWith("role/tool-manager: Forbidden", result.Message);
        Assert.Equal([(1, "failed")], sandbox.StoredRevisions());
    }

    [Fact]
    public async Task Upgrade_TwoAtOnce_ExactlyOneWins()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request("one"), TestSandbox.Options, null, Ct)).Succeeded);
        sandbox.Server.Latency = TimeSpan.FromMilliseconds(20);

        async Task<string> Run(string value, string who)
        {
            try
            {
                var r = await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request(value), false, TestSandbox.Options with { Operator = who }, null, Ct);
                return r.Succeeded ? "won" : r.Message;
            }
            catch (OperationInProgressException ex)
            {
                return ex.Message;
            }
        }

        var outcomes = await Task.WhenAll(Run("a", "alice"), Run("b", "bob"));

        Assert.Single(outcomes, o => o == "won");
        Assert.Single(outcomes, o => o.Contains("operation in progress by upgrade by", StringComparison.Ordinal));
        Assert.Equal([(1, "superseded"), (2, "deployed")], sandbox.StoredRevisions());
    }

    [Fact]
    public async Task Install_NeverReadyWithAtomic_RemovesWhatItCreatedAndItsRevision()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var result = await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(behavior: "never-ready:CrashLoopBackOff"), TestSandbox.Options with { Atomic = true, Timeout = TimeSpan.FromSeconds(1) }, null, Ct);

        Assert.False(result.Succeeded);
        Assert.True(result.RolledBack);
        Assert.Contains("CrashLoopBackOff", result.Message);
        Assert.Empty(sandbox.StoredRevisions());
        Assert.Null(sandbox.Server.GetObject("apps", "deployments", TestSandbox.Ns, "tool-manager"));
        Assert.Null(sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config"));
    }

    [Fact]
    public async Task Install_ConnectionKeepsDroppingOnApply_RecordsFailedNotStuckPending()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Server.Faults.Add(new FaultRule { Verb = "patch", Resource = "deployments", Action = FaultAction.Drop, Times = 50 });

        var result = await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(), TestSandbox.Options, null, Ct);

        Assert.False(result.Succeeded);
        Assert.Contains("cluster unreachable", result.Message);
        Assert.Equal([(1, "failed")], sandbox.StoredRevisions());
        Assert.True(sandbox.Server.Log.Count(e => e.Resource == "deployments" && e.Method == "PATCH") >= 2, "the idempotent apply was retried");
    }
}
