using k8s.Models;
using RunnerConsole.Core.Policy;
using static RunnerConsole.Core.Tests.Policy.PolicyFixtures;

namespace RunnerConsole.Core.Tests.Policy;

public sealed class PodSecurityRulesTests
{
    private const string C = "spec.template.spec.containers[name=tool-manager]";

    [Fact]
    public void Evaluate_CompliantBaseline_HasNoFindings()
    {
        var report = Evaluate(Deployment(), Service());

        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
    }

    public static TheoryData<string, string, string> Violations => new()
    {
        { "runAsNonRoot unset", "PS001", $"{C}.securityContext.runAsNonRoot" },
        { "runAsUser 0", "PS002", $"{C}.securityContext.runAsUser" },
        { "escalation allowed", "PS003", $"{C}.securityContext.allowPrivilegeEscalation" },
        { "no drop ALL", "PS004", $"{C}.securityContext.capabilities.drop" },
        { "adds SYS_ADMIN", "PS005", $"{C}.securityContext.capabilities.add" },
        { "seccomp unset", "PS006", "spec.template.spec.securityContext.seccompProfile.type" },
        { "seccomp Unconfined in container", "PS006", $"{C}.securityContext.seccompProfile.type" },
        { "privileged", "PS007", $"{C}.securityContext.privileged" },
        { "hostNetwork", "PS008", "spec.template.spec.hostNetwork" },
        { "hostPID", "PS008", "spec.template.spec.hostPID" },
        { "hostPath", "PS009", "spec.template.spec.volumes[name=docker-sock].hostPath" },
        { "hostPort", "PS010", $"{C}.ports[name=http].hostPort" },
        { "writable root fs", "PS011", $"{C}.securityContext.readOnlyRootFilesystem" },
        { "automount without binding", "PS012", "spec.template.spec.automountServiceAccountToken" },
        { "manual token mount with automount", "PS013", $"{C}.volumeMounts[name=sa-token]" },
    };

    private static void Break(string scenario, V1PodSpec pod)
    {
        var c = pod.Containers[0];
        switch (scenario)
        {
            case "runAsNonRoot unset": pod.SecurityContext.RunAsNonRoot = null; break;
            case "runAsUser 0": c.SecurityContext.RunAsUser = 0; break;
            case "escalation allowed": c.SecurityContext.AllowPrivilegeEscalation = null; break;
            case "no drop ALL": c.SecurityContext.Capabilities.Drop = ["NET_RAW"]; break;
            case "adds SYS_ADMIN": c.SecurityContext.Capabilities.Add = ["NET_BIND_SERVICE", "SYS_ADMIN"]; break;
            case "seccomp unset": pod.SecurityContext.SeccompProfile = null; break;
            case "seccomp Unconfined in container": c.SecurityContext.SeccompProfile = new V1SeccompProfile { Type = "Unconfined" }; break;
            case "privileged": c.SecurityContext.Privileged = true; break;
            case "hostNetwork": pod.HostNetwork = true; break;
            case "hostPID": pod.HostPID = true; break;
            case "hostPath":
                pod.Volumes = [new V1Volume { Name = "docker-sock", HostPath = new V1HostPathVolumeSource { Path = "/var/run/docker.sock" } }];
                break;
            case "hostPort": c.Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080, HostPort = 8080 }]; break;
            case "writable root fs": c.SecurityContext.ReadOnlyRootFilesystem = false; break;
            case "automount without binding": pod.AutomountServiceAccountToken = null; break;
            case "manual token mount with automount":
                pod.AutomountServiceAccountToken = true;
                pod.Volumes = [new V1Volume { Name = "sa-token", Projected = new V1ProjectedVolumeSource { Sources = [new V1VolumeProjection { ServiceAccountToken = new V1ServiceAccountTokenProjection { Path = "token" } }] } }];
                c.VolumeMounts = [new V1VolumeMount { Name = "sa-token", MountPath = "/var/run/secrets/kubernetes.io/serviceaccount" }];
                break;
            default: throw new ArgumentException(scenario);
        }
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public void Evaluate_Violation_ReportsRuleAtPreciseField(string scenario, string ruleId, string fieldPath)
    {
        var report = Evaluate(Deployment(mutate: p => Break(scenario, p)), Service());

        var finding = Assert.Single(report.Of(ruleId));
        Assert.Equal(fieldPath, finding.FieldPath);
        Assert.Equal(PolicyEngine.FindRule(ruleId)!.Severity, finding.Severity);
        Assert.Equal("Deployment", finding.Object.Kind);
        Assert.Equal("tool-manager", finding.Object.Name);
        Assert.Equal(Ns, finding.Object.Namespace);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
    }

    [Fact]
    public void Evaluate_NetBindServiceAdded_IsAllowed()
    {
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].SecurityContext.Capabilities.Add = ["NET_BIND_SERVICE"]));

        Assert.Empty(report.Of("PS005"));
    }

    [Fact]
    public void Evaluate_LocalhostSeccompOnContainerOnly_IsAllowed()
    {
        var report = Evaluate(Deployment(mutate: p =>
        {
            p.SecurityContext.SeccompProfile = null;
            p.Containers[0].SecurityContext.SeccompProfile = new V1SeccompProfile { Type = "Localhost", LocalhostProfile = "runner.json" };
        }));

        Assert.Empty(report.Of("PS006"));
    }

    [Fact]
    public void Evaluate_RunAsNonRootOnContainerOnly_IsAllowed()
    {
        var report = Evaluate(Deployment(mutate: p =>
        {
            p.SecurityContext.RunAsNonRoot = null;
            p.Containers[0].SecurityContext.RunAsNonRoot = true;
        }));

        Assert.Empty(report.Of("PS001"));
    }

    [Fact]
    public void Evaluate_InitContainerRunningAsRoot_ReportsInitContainerPath()
    {
        var report = Evaluate(Deployment(mutate: p =>
        {
            var init = Container("wait-for-nats");
            init.SecurityContext.RunAsUser = 0;
            p.InitContainers = [init];
        }));

        var finding = Assert.Single(report.Of("PS002"));
        Assert.Equal("spec.template.spec.initContainers[name=wait-for-nats].securityContext.runAsUser", finding.FieldPath);
    }

    [Fact]
    public void Evaluate_AutomountWithRoleBinding_IsAllowed()
    {
        var report = Evaluate(
            Deployment(mutate: p => p.AutomountServiceAccountToken = true),
            Role("tool-manager", Rule(["configmaps"], ["get"])),
            RoleBinding("tool-manager", "tool-manager"));

        Assert.Empty(report.Of("PS012"));
    }

    [Fact]
    public void Evaluate_AutomountDisabledOnServiceAccount_IsAllowed()
    {
        var sa = new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = new V1ObjectMeta { Name = "tool-manager", NamespaceProperty = Ns },
            AutomountServiceAccountToken = false,
        };

        var report = Evaluate(Deployment(mutate: p => p.AutomountServiceAccountToken = null), sa);

        Assert.Empty(report.Of("PS012"));
    }

    [Fact]
    public void Evaluate_ManualProjectedTokenWithAutomountOff_IsAllowed()
    {
        var report = Evaluate(Deployment(mutate: p =>
        {
            p.Volumes = [new V1Volume { Name = "sa-token", Projected = new V1ProjectedVolumeSource() }];
            p.Containers[0].VolumeMounts = [new V1VolumeMount { Name = "sa-token", MountPath = "/var/run/secrets/kubernetes.io/serviceaccount" }];
        }));

        Assert.Empty(report.Of("PS013"));
    }

    [Fact]
    public void Evaluate_DuplicateTokenMount_FixNamesTheVolumeToRemove()
    {
        var report = Evaluate(Deployment(mutate: p => Break("manual token mount with automount", p)));

        Assert.Contains("spec.template.spec.volumes[name=sa-token]", Assert.Single(report.Of("PS013")).Fix);
    }

    [Theory]
    [InlineData("CronJob", "spec.jobTemplate.spec.template.spec.containers[name=image-updater].securityContext.privileged")]
    [InlineData("Pod", "spec.containers[name=image-updater].securityContext.privileged")]
    [InlineData("DaemonSet", "spec.template.spec.containers[name=image-updater].securityContext.privileged")]
    [InlineData("StatefulSet", "spec.template.spec.containers[name=image-updater].securityContext.privileged")]
    [InlineData("Job", "spec.template.spec.containers[name=image-updater].securityContext.privileged")]
    [InlineData("ReplicaSet", "spec.template.spec.containers[name=image-updater].securityContext.privileged")]
    public void Evaluate_EveryWorkloadKind_ChecksItsPodTemplate(string kind, string expectedPath)
    {
        var container = Container("image-updater");
        container.SecurityContext.Privileged = true;
        var pod = new V1PodSpec { Containers = [container], RestartPolicy = "OnFailure" };
        var template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta(), Spec = pod };
        var meta = new V1ObjectMeta { Name = "image-updater", NamespaceProperty = Ns };
        k8s.IKubernetesObject<V1ObjectMeta> obj = kind switch
        {
            "CronJob" => new V1CronJob { ApiVersion = "batch/v1", Kind = kind, Metadata = meta, Spec = new V1CronJobSpec { Schedule = "*/5 * * * *", JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = template } } } },
            "Job" => new V1Job { ApiVersion = "batch/v1", Kind = kind, Metadata = meta, Spec = new V1JobSpec { Template = template } },
            "Pod" => new V1Pod { ApiVersion = "v1", Kind = kind, Metadata = meta, Spec = pod },
            "DaemonSet" => new V1DaemonSet { ApiVersion = "apps/v1", Kind = kind, Metadata = meta, Spec = new V1DaemonSetSpec { Template = template } },
            "StatefulSet" => new V1StatefulSet { ApiVersion = "apps/v1", Kind = kind, Metadata = meta, Spec = new V1StatefulSetSpec { Template = template } },
            _ => new V1ReplicaSet { ApiVersion = "apps/v1", Kind = kind, Metadata = meta, Spec = new V1ReplicaSetSpec { Template = template } },
        };

        var report = Evaluate(obj);

        Assert.Equal(expectedPath, Assert.Single(report.Of("PS007")).FieldPath);
    }

    [Fact]
    public void Evaluate_JobsAndRunToCompletionPods_AreNotAskedForProbes()
    {
        var container = Container("image-updater");
        container.LivenessProbe = null;
        container.ReadinessProbe = null;
        var job = new V1CronJob
        {
            ApiVersion = "batch/v1",
            Kind = "CronJob",
            Metadata = new V1ObjectMeta { Name = "image-updater", NamespaceProperty = Ns },
            Spec = new V1CronJobSpec { JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [container] } } } } },
        };

        var report = Evaluate(job);

        Assert.Empty(report.Of("RS003"));
        Assert.Empty(report.Of("RS004"));
    }
}
