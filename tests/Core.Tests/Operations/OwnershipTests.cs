using System.Text.Json.Nodes;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;

namespace RunnerConsole.Core.Tests.Operations;

public sealed class OwnershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_ExistingUnownedObject_RefusesUnlessAdopt()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.Cluster.ApplyAsync(Namespace(), new ApplyOptions { FieldManager = "kubectl" }, Ct);
        await sandbox.Cluster.ApplyAsync(ConfigMap("hand-made"), new ApplyOptions { FieldManager = "kubectl" }, Ct);

        var refused = await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(), TestSandbox.Options, null, Ct);

        Assert.False(refused.Succeeded);
        Assert.Contains("configmap/runner-config (ns kubiya) exists and is not managed by release 'runner'", refused.Message);
        Assert.Contains("--adopt", refused.Message);
        Assert.Equal("hand-made", (string?)sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config")!["data"]!["value"]);

        // Uninstalling the failed attempt leaves the object it never owned.
        await new UninstallOperation(sandbox.Context).RunAsync("runner", TestSandbox.Ns, false, TestSandbox.Options, null, Ct);
        Assert.Equal("hand-made", (string?)sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config")!["data"]!["value"]);
        var adopted = await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request(), TestSandbox.Options with { Adopt = true }, null, Ct);

        Assert.True(adopted.Succeeded, adopted.Message);
        var cm = sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config")!;
        Assert.Equal("one", (string?)cm["data"]!["value"]);
        Assert.Equal("runner", (string?)cm["metadata"]!["annotations"]!["meta.helm.sh/release-name"]);
    }

    [Fact]
    public async Task Upgrade_FieldChangedByAnotherManager_ConflictNamesManagerUntilForced()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request("one"), TestSandbox.Options, null, Ct)).Succeeded);
        var edited = ConfigMap("edited-by-hand");
        edited["metadata"]!["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "Helm" };
        edited["metadata"]!["annotations"] = new JsonObject { ["meta.helm.sh/release-name"] = "runner", ["meta.helm.sh/release-namespace"] = TestSandbox.Ns };
        await sandbox.Cluster.ApplyAsync(edited, new ApplyOptions { FieldManager = "kubectl-edit", Force = true }, Ct);

        var plan = await new DiffOperation(sandbox.Context).RunAsync(TestSandbox.Request("two"), new PlanOptions(), Ct);
        var conflict = plan.Objects.Single(o => o.Key.Name == "runner-config" && o.Key.Kind == "ConfigMap");
        Assert.Equal(PlanAction.Conflict, conflict.Action);
        Assert.Equal(["kubectl-edit"], conflict.ConflictManagers);

        var refused = await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("two"), false, TestSandbox.Options, null, Ct);
        Assert.False(refused.Succeeded);
        Assert.Contains("configmap/runner-config: fields are owned by kubectl-edit", refused.Message);

        var forced = await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("two"), false, TestSandbox.Options with { ForceConflicts = true }, null, Ct);
        Assert.True(forced.Succeeded, forced.Message);
        Assert.Equal("two", (string?)sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config")!["data"]!["value"]);
        // The refused upgrade left revision 2 failed; revision 1 stayed deployed until 3 superseded it.
        Assert.Equal([(1, "superseded"), (2, "failed"), (3, "deployed")], sandbox.StoredRevisions());
    }

    private static JsonObject Namespace() => KubeObjects.Namespace(TestSandbox.Ns);

    private static JsonObject ConfigMap(string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = "runner-config", ["namespace"] = TestSandbox.Ns },
        ["data"] = new JsonObject { ["value"] = value },
    };
}
