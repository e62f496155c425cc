using System.Text.Json.Nodes;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Cluster;

public sealed class ReadinessTests
{
    private static readonly ObjectKey Deployment = new("apps/v1", "Deployment", "kubiya", "tool-manager");

    [Fact]
    public void Evaluate_DeploymentPartlyAvailableWithImagePullBackOff_NamesCountAndReason()
    {
        var live = JsonNode.Parse("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"updatedReplicas":3,"availableReplicas":1}}""")!.AsObject();
        var pod = JsonNode.Parse("""{"status":{"containerStatuses":[{"state":{"waiting":{"reason":"ImagePullBackOff"}}}]}}""")!.AsObject();

        var health = Readiness.Evaluate(Deployment, live, [pod]);

        Assert.Equal(ReadinessState.Progressing, health.State);
        Assert.Equal("deployment/tool-manager: 1/3 available, ImagePullBackOff", health.ToString());
    }

    [Fact]
    public void Evaluate_StuckRolloutWithOldPodsServing_IsNotReadyAndSaysWhy()
    {
        // New pods created but never ready; the old ones keep the Deployment available (as a real cluster does).
        var live = JsonNode.Parse("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"replicas":6,"updatedReplicas":3,"availableReplicas":3}}""")!.AsObject();
        var pod = JsonNode.Parse("""{"status":{"containerStatuses":[{"state":{"waiting":{"reason":"ImagePullBackOff"}}}]}}""")!.AsObject();

        var health = Readiness.Evaluate(Deployment, live, [pod]);

        Assert.Equal(ReadinessState.Progressing, health.State);
        Assert.Contains("3 old replica(s) pending termination", health.Summary);
        Assert.Contains("ImagePullBackOff", health.Summary);
    }

    [Fact]
    public void Evaluate_DeploymentAllAvailableButNotObserved_IsNotReady()
    {
        var live = JsonNode.Parse("""{"metadata":{"generation":3},"spec":{"replicas":1},"status":{"observedGeneration":2,"updatedReplicas":1,"availableReplicas":1}}""")!.AsObject();

        Assert.False(Readiness.Evaluate(Deployment, live).IsReady);
    }

    [Fact]
    public void Evaluate_DeploymentProgressDeadlineExceeded_IsFailed()
    {
        var live = JsonNode.Parse("""{"spec":{"replicas":1},"status":{"conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]}}""")!.AsObject();

        Assert.Equal(ReadinessState.Failed, Readiness.Evaluate(Deployment, live).State);
    }

    [Fact]
    public void Evaluate_JobFailed_IsFailedWithReason()
    {
        var key = new ObjectKey("batch/v1", "Job", "kubiya", "migrate");
        var live = JsonNode.Parse("""{"spec":{},"status":{"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}""")!.AsObject();

        var health = Readiness.Evaluate(key, live);

        Assert.Equal(ReadinessState.Failed, health.State);
        Assert.Contains("BackoffLimitExceeded", health.Summary);
    }

    [Fact]
    public void Evaluate_ConfigMapThatExists_IsReadyAndMissingIsMissing()
    {
        var key = new ObjectKey("v1", "ConfigMap", "kubiya", "c");

        Assert.True(Readiness.Evaluate(key, []).IsReady);
        Assert.Equal(ReadinessState.Missing, Readiness.Evaluate(key, null).State);
    }
}
