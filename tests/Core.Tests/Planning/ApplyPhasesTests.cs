using RunnerConsole.Core.Planning;

namespace RunnerConsole.Core.Tests.Planning;

public sealed class ApplyPhasesTests
{
    [Fact]
    public void Sort_MixedKinds_FollowsApplyOrderAndKeepsOrderWithinPhase()
    {
        string[] kinds = ["CronJob", "Deployment", "Service", "ConfigMap", "RoleBinding", "Namespace", "PersistentVolumeClaim", "Secret", "Role", "ServiceAccount", "StatefulSet", "Widget"];

        var sorted = ApplyPhases.Sort(kinds, k => k);

        Assert.Equal(
            ["Namespace", "ConfigMap", "Secret", "ServiceAccount", "RoleBinding", "Role", "Service", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "Widget"],
            sorted);
    }

    [Fact]
    public void ForPrune_Phases_AreReverseOfApply()
    {
        string[] kinds = ["Namespace", "Deployment", "ConfigMap", "CronJob"];

        var prune = ApplyPhases.ForPrune(kinds, k => k).Select(p => p.Phase);

        Assert.Equal([ApplyPhase.Scheduled, ApplyPhase.Workloads, ApplyPhase.Configuration, ApplyPhase.Namespaces], prune);
    }

    [Theory]
    [InlineData("ClusterRole", ApplyPhase.Rbac)]
    [InlineData("ClusterRoleBinding", ApplyPhase.Rbac)]
    [InlineData("DaemonSet", ApplyPhase.Workloads)]
    [InlineData("Job", ApplyPhase.Workloads)]
    [InlineData("CustomResourceDefinition", ApplyPhase.Namespaces)]
    [InlineData("NetworkPolicy", ApplyPhase.Configuration)]
    public void Of_Kind_IsInSensiblePhase(string kind, ApplyPhase phase) => Assert.Equal(phase, ApplyPhases.Of(kind));
}
