using k8s.Models;
using RunnerConsole.Core.Policy;
using static RunnerConsole.Core.Tests.Policy.PolicyFixtures;

namespace RunnerConsole.Core.Tests.Policy;

public sealed class RbacRulesTests
{
    private static V1ClusterRole ClusterRole(params V1PolicyRule[] rules) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRole",
        Metadata = new V1ObjectMeta { Name = "runner" },
        Rules = rules,
    };

    [Fact]
    public void Evaluate_NarrowRoleAndBinding_HasNoFindings()
    {
        var report = Evaluate(Role("tool-manager", Rule(["configmaps"], ["get", "list"]), Rule(["secrets"], ["get"])), RoleBinding("tool-manager", "tool-manager"));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Evaluate_ClusterRoleAndBinding_AreErrors()
    {
        var binding = new V1ClusterRoleBinding
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "ClusterRoleBinding",
            Metadata = new V1ObjectMeta { Name = "runner" },
            RoleRef = new V1RoleRef { Kind = "ClusterRole", Name = "runner", ApiGroup = "rbac.authorization.k8s.io" },
        };

        var report = Evaluate(ClusterRole(Rule(["pods"], ["get"])), binding);

        Assert.Equal("kind", Assert.Single(report.Of("RB001")).FieldPath);
        Assert.Equal(PolicySeverity.Error, Assert.Single(report.Of("RB002")).Severity);
        Assert.Empty(report.Of("RS005"));
    }

    [Fact]
    public void Evaluate_Wildcards_ReportEachField()
    {
        var report = Evaluate(Role("r", Rule(["configmaps"], ["get"]), Rule(["*"], ["*"], ["*"])));

        Assert.Equal(["rules[1].apiGroups", "rules[1].resources", "rules[1].verbs"], report.Of("RB003").Select(f => f.FieldPath));
    }

    [Theory]
    [InlineData("escalate")]
    [InlineData("bind")]
    [InlineData("impersonate")]
    public void Evaluate_EscalationVerb_IsError(string verb)
    {
        var report = Evaluate(Role("r", Rule(["roles"], ["get", verb], ["rbac.authorization.k8s.io"])));

        var finding = Assert.Single(report.Of("RB004"));
        Assert.Equal("rules[0].verbs", finding.FieldPath);
        Assert.Contains(verb, finding.Message);
    }

    [Fact]
    public void Evaluate_ListOrWatchSecrets_IsWarning_GetIsNot()
    {
        var report = Evaluate(Role("a", Rule(["secrets"], ["list", "watch"])), Role("b", Rule(["secrets"], ["get"])));

        var finding = Assert.Single(report.Of("RB005"));
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Equal("a", finding.Object.Name);
    }

    [Fact]
    public void Evaluate_RoleBindingToClusterRole_IsWarning()
    {
        var report = Evaluate(RoleBinding("view", "tool-manager", roleKind: "ClusterRole"));

        Assert.Equal("roleRef.kind", Assert.Single(report.Of("RB006")).FieldPath);
    }

    [Fact]
    public void Evaluate_SubjectInAnotherNamespace_IsWarning_SameNamespaceIsNot()
    {
        var report = Evaluate(RoleBinding("a", "tool-manager", subjectNamespace: "other"), RoleBinding("b", "tool-manager"));

        var finding = Assert.Single(report.Of("RB007"));
        Assert.Equal("subjects[0].namespace", finding.FieldPath);
        Assert.Equal("a", finding.Object.Name);
    }
}

public sealed class ImageRulesTests
{
    private const string C = "spec.template.spec.containers[name=tool-manager]";

    [Theory]
    [InlineData("ghcr.io/kubiyabot/tool-manager:latest")]
    [InlineData("ghcr.io/kubiyabot/tool-manager")]
    [InlineData("localhost:5000/tool-manager")]
    public void Evaluate_LatestOrMissingTag_IsError(string image)
    {
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].Image = image));

        var finding = Assert.Single(report.Of("IM001"));
        Assert.Equal($"{C}.image", finding.FieldPath);
        Assert.Equal(PolicySeverity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("ghcr.io/kubiyabot/tool-manager@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("ghcr.io/kubiyabot/tool-manager:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("localhost:5000/tool-manager:v2")]
    public void Evaluate_DigestOrVersionTag_IsPinned(string image)
    {
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].Image = image));

        Assert.Empty(report.Of("IM001"));
    }

    [Fact]
    public void Evaluate_PullAlwaysWithPinnedTag_IsWarning()
    {
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].ImagePullPolicy = "Always"));

        Assert.Equal($"{C}.imagePullPolicy", Assert.Single(report.Of("IM002")).FieldPath);
    }

    [Fact]
    public void Evaluate_PullPolicyMissing_IsWarning()
    {
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].ImagePullPolicy = null));

        Assert.Equal(PolicySeverity.Warning, Assert.Single(report.Of("IM003")).Severity);
    }

    [Fact]
    public void Evaluate_AllowedRegistries_FlagsOthersOnlyWhenConfigured()
    {
        var set = Set(Deployment(), Deployment("nginx", p => p.Containers[0].Image = "nginx:1.27"));

        Assert.Empty(PolicyEngine.Evaluate(set).Of("IM004"));
        var report = PolicyEngine.Evaluate(set, new PolicyOptions { AllowedRegistries = ["ghcr.io/kubiyabot"] });
        var finding = Assert.Single(report.Of("IM004"));
        Assert.Equal("nginx", finding.Object.Name);
        Assert.Contains("docker.io", finding.Message);
    }

    [Theory]
    [InlineData("nginx", "docker.io", "nginx", null, null)]
    [InlineData("ghcr.io/kubiyabot/tool-manager:v1", "ghcr.io", "kubiyabot/tool-manager", "v1", null)]
    [InlineData("localhost:5000/a/b@sha256:abc", "localhost:5000", "a/b", null, "sha256:abc")]
    public void ImageReference_Parse_SplitsRegistryRepositoryTagDigest(string image, string registry, string repo, string? tag, string? digest)
    {
        Assert.Equal(new ImageReference(registry, repo, tag, digest), ImageReference.Parse(image));
    }
}

public sealed class ResourceRulesTests
{
    private const string C = "spec.template.spec.containers[name=tool-manager]";

    [Fact]
    public void Evaluate_MissingMemoryLimit_IsError()
    {
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].Resources.Limits.Remove("memory")));

        var finding = Assert.Single(report.Of("RS001"));
        Assert.Equal($"{C}.resources.limits.memory", finding.FieldPath);
        Assert.Equal(PolicySeverity.Error, finding.Severity);
    }

    [Fact]
    public void Evaluate_MissingRequestsAndCpuLimit_AreWarningsPerField()
    {
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].Resources = new V1ResourceRequirements
        {
            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("1Gi") },
        }));

        Assert.Equal(
            [$"{C}.resources.limits.cpu", $"{C}.resources.requests.cpu", $"{C}.resources.requests.memory"],
            report.Of("RS002").Select(f => f.FieldPath));
        Assert.All(report.Of("RS002"), f => Assert.Equal(PolicySeverity.Warning, f.Severity));
        Assert.Empty(report.Of("RS001"));
    }

    [Fact]
    public void Evaluate_MissingProbes_AreWarnings()
    {
        var report = Evaluate(Deployment(mutate: p =>
        {
            p.Containers[0].LivenessProbe = null;
            p.Containers[0].ReadinessProbe = null;
        }));

        Assert.Equal($"{C}.livenessProbe", Assert.Single(report.Of("RS003")).FieldPath);
        Assert.Equal($"{C}.readinessProbe", Assert.Single(report.Of("RS004")).FieldPath);
    }

    [Fact]
    public void Evaluate_NativeSidecarWithoutProbes_IsWarned_PlainInitContainerIsNot()
    {
        var report = Evaluate(Deployment(mutate: p =>
        {
            var sidecar = Container("sdk-server");
            sidecar.RestartPolicy = "Always";
            sidecar.ReadinessProbe = null;
            var init = Container("migrate");
            init.ReadinessProbe = null;
            init.LivenessProbe = null;
            p.InitContainers = [sidecar, init];
        }));

        Assert.Equal("spec.template.spec.initContainers[name=sdk-server].readinessProbe", Assert.Single(report.Of("RS004")).FieldPath);
        Assert.Empty(report.Of("RS003"));
    }

    [Fact]
    public void Evaluate_NamespacedObjectWithoutNamespace_IsWarning()
    {
        var cm = ConfigMap("dashboards", new Dictionary<string, string> { ["runner.json"] = "{}" });
        cm.Metadata.NamespaceProperty = null;

        var report = Evaluate(cm);

        var finding = Assert.Single(report.Of("RS005"));
        Assert.Equal("metadata.namespace", finding.FieldPath);
        Assert.Null(finding.Object.Namespace);
    }

    [Fact]
    public void Evaluate_ServiceSelectingNothing_IsWarning_MatchingServiceIsNot()
    {
        var report = Evaluate(Deployment(), Service(), Service("orphan", app: "sdk-server"));

        var finding = Assert.Single(report.Of("RS006"));
        Assert.Equal("orphan", finding.Object.Name);
        Assert.Equal("spec.selector", finding.FieldPath);
    }
}
