using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Tests.Releases;

namespace RunnerConsole.Core.Tests.Planning;

public sealed class SecretMaskingTests
{
    private const string Planted = "s3cr3t-PLANTED-value";
    private const string PlantedNew = "n3w-PLANTED-value!!";

    [Fact]
    public void ForDesired_SecretKeysAddedRemovedChanged_SummarisesWithoutValues()
    {
        var live = ObjectNormalizer.Normalize(TestReleases.Secret("creds", new() { ["same"] = "unchanged-PLANTED", ["changed"] = Planted, ["gone"] = "gone-PLANTED" }).Object);
        OwnedBy(live);
        var desired = TestReleases.Secret("creds", new() { ["same"] = "unchanged-PLANTED", ["changed"] = PlantedNew, ["added"] = "added-PLANTED" });
        Own(desired);

        var plan = ObjectComparison.ForDesired(desired, live, null, "runner", "kubiya");

        Assert.Equal(PlanAction.Change, plan.Action);
        Assert.Equal(
            [
                new SecretKeyChange("added", SecretKeyState.Added, null, 13),
                new SecretKeyChange("changed", SecretKeyState.Changed, 20, 19),
                new SecretKeyChange("gone", SecretKeyState.Removed, 12, null),
                new SecretKeyChange("same", SecretKeyState.Unchanged, 17, 17),
            ],
            plan.SecretKeys);
        AssertNoLeak(plan);
        Assert.Contains("-  changed: (secret, 20 bytes, old value)", plan.TextDiff);
        Assert.Contains("+  changed: (secret, 19 bytes, new value)", plan.TextDiff);
    }

    [Fact]
    public void ForDesired_SecretChangedWithSameLength_StillShowsAChange()
    {
        var live = ObjectNormalizer.Normalize(TestReleases.Secret("creds", new() { ["k"] = "aaaa-PLANTED" }).Object);
        OwnedBy(live);
        var desired = TestReleases.Secret("creds", new() { ["k"] = "bbbb-PLANTED" });
        Own(desired);

        var plan = ObjectComparison.ForDesired(desired, live, null, "runner", "kubiya");

        Assert.Equal(PlanAction.Change, plan.Action);
        Assert.Equal(SecretKeyState.Changed, Assert.Single(plan.SecretKeys).State);
        AssertNoLeak(plan);
    }

    [Fact]
    public void ForDesired_NewSecretWithStringData_MasksStringData()
    {
        var secret = new k8s.Models.V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new k8s.Models.V1ObjectMeta { Name = "s", NamespaceProperty = "kubiya" },
            StringData = new Dictionary<string, string> { ["token"] = Planted },
        };

        var plan = ObjectComparison.ForDesired(new Manifest("s.yaml", secret), null, null, "runner", "kubiya");

        Assert.Equal(PlanAction.Add, plan.Action);
        AssertNoLeak(plan);
        Assert.Contains("token: (secret, 20 bytes)", plan.TextDiff);
    }

    [Fact]
    public void ForRemoval_Secret_MasksValues()
    {
        var live = ObjectNormalizer.Normalize(TestReleases.Secret("creds", new() { ["k"] = Planted }).Object);

        var plan = ObjectComparison.ForRemoval(TestReleases.Secret("creds", []).Key, live);

        AssertNoLeak(plan);
        Assert.Equal(SecretKeyState.Removed, Assert.Single(plan.SecretKeys).State);
    }

    private static void AssertNoLeak(ObjectPlan plan)
    {
        var everything = string.Join('\n', plan.TextDiff, string.Join('\n', plan.Changes), plan.Live?.ToJsonString() ?? string.Empty, string.Join('\n', plan.SecretKeys));
        Assert.DoesNotContain("PLANTED", everything);
        foreach (var value in new[] { Planted, PlantedNew, "unchanged-PLANTED", "gone-PLANTED", "added-PLANTED", "aaaa-PLANTED", "bbbb-PLANTED" })
        {
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)), everything);
        }
    }

    private static void OwnedBy(System.Text.Json.Nodes.JsonObject live)
    {
        live["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["app.kubernetes.io/managed-by"] = "Helm" };
        live["metadata"]!["annotations"] = new System.Text.Json.Nodes.JsonObject { ["meta.helm.sh/release-name"] = "runner", ["meta.helm.sh/release-namespace"] = "kubiya" };
    }

    private static void Own(Manifest manifest) => RunnerConsole.Core.Releases.HelmOwnership.Stamp(manifest.Object.Metadata, "runner", "kubiya");
}
