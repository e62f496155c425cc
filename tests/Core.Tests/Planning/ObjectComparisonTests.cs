using System.Text.Json.Nodes;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Tests.Releases;

namespace RunnerConsole.Core.Tests.Planning;

public sealed class ObjectComparisonTests
{
    [Fact]
    public void ForDesired_Absent_IsAddWithFullTextDiff()
    {
        var plan = ObjectComparison.ForDesired(TestReleases.ConfigMap("a"), null, null, "runner", "kubiya");

        Assert.Equal(PlanAction.Add, plan.Action);
        Assert.Equal(ApplyPhase.Configuration, plan.Phase);
        Assert.Contains("+  key: v", plan.TextDiff);
    }

    [Fact]
    public void ForDesired_LiveEqualApartFromBookkeeping_IsUnchanged()
    {
        var desired = Owned(TestReleases.ConfigMap("a"));
        var live = Live(desired.Object);

        var plan = ObjectComparison.ForDesired(desired, live, null, "runner", "kubiya");

        Assert.Equal(PlanAction.Unchanged, plan.Action);
        Assert.Empty(plan.TextDiff);
    }

    [Fact]
    public void ForDesired_ValueChanged_IsChangeWithUnifiedDiff()
    {
        var live = Live(Owned(TestReleases.ConfigMap("a", "old")).Object);

        var plan = ObjectComparison.ForDesired(Owned(TestReleases.ConfigMap("a", "new")), live, null, "runner", "kubiya");

        Assert.Equal(PlanAction.Change, plan.Action);
        Assert.Equal("data.key", Assert.Single(plan.Changes).Path);
        Assert.Contains("-  key: old\n+  key: new\n", plan.TextDiff);
        Assert.StartsWith("--- live\n+++ desired\n@@ ", plan.TextDiff);
    }

    [Fact]
    public void ForDesired_LiveWithoutHelmMetadata_NeedsAdopt()
    {
        var live = Live(TestReleases.ConfigMap("a").Object);

        var plan = ObjectComparison.ForDesired(Owned(TestReleases.ConfigMap("a")), live, null, "runner", "kubiya");

        Assert.Equal(PlanAction.NeedsAdopt, plan.Action);
        Assert.Contains("not managed by release 'runner'", plan.Reason);
    }

    [Fact]
    public void ForDesired_LiveOwnedByOtherRelease_NeedsAdoptNamingOwner()
    {
        var other = TestReleases.ConfigMap("a");
        HelmOwnership.Stamp(other.Object.Metadata, "someone-else", "kubiya");

        var plan = ObjectComparison.ForDesired(Owned(TestReleases.ConfigMap("a")), Live(other.Object), null, "runner", "kubiya");

        Assert.Equal(PlanAction.NeedsAdopt, plan.Action);
        Assert.Contains("someone-else", plan.Reason);
    }

    [Fact]
    public void ForDesired_ConflictingManagers_IsConflict()
    {
        var desired = Owned(TestReleases.ConfigMap("a", "new"));

        var plan = ObjectComparison.ForDesired(desired, Live(Owned(TestReleases.ConfigMap("a")).Object), null, "runner", "kubiya", ["kubectl-edit"], "conflict with kubectl-edit");

        Assert.Equal(PlanAction.Conflict, plan.Action);
        Assert.Equal(["kubectl-edit"], plan.ConflictManagers);
    }

    [Fact]
    public void Plan_Summary_CountsEachAction()
    {
        var a = ObjectComparison.ForDesired(TestReleases.ConfigMap("a"), null, null, "runner", "kubiya");
        var u = a with { Action = PlanAction.Unchanged };
        var plan = new Plan("runner", "kubiya", [a, u, a with { Action = PlanAction.Remove }]);

        Assert.Equal(new PlanSummary(1, 0, 1, 1, 0, 0), plan.Summary);
        Assert.True(plan.HasChanges);
        Assert.Equal("1 to add, 0 to change, 1 to remove, 1 unchanged", plan.Summary.ToString());
    }

    private static RunnerConsole.Core.Rendering.Manifest Owned(RunnerConsole.Core.Rendering.Manifest manifest)
    {
        HelmOwnership.Stamp(manifest.Object.Metadata, "runner", "kubiya");
        return manifest;
    }

    private static JsonObject Live(k8s.IKubernetesObject obj)
    {
        var live = JsonNode.Parse(k8s.KubernetesJson.Serialize(obj))!.AsObject();
        live["metadata"]!["uid"] = "1234";
        live["metadata"]!["resourceVersion"] = "42";
        live["metadata"]!["managedFields"] = new JsonArray(new JsonObject { ["manager"] = "runner-console" });
        return live;
    }
}
