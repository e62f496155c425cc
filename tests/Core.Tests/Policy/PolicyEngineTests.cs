using k8s.Models;
using RunnerConsole.Core.Policy;
using static RunnerConsole.Core.Tests.Policy.PolicyFixtures;

namespace RunnerConsole.Core.Tests.Policy;

public sealed class PolicyEngineTests
{
    private static V1Deployment Dagger(string? exception) => Deployment("dagger-engine", p =>
    {
        var sc = p.Containers[0].SecurityContext;
        sc.Privileged = true;
        sc.AllowPrivilegeEscalation = true;
        sc.ReadOnlyRootFilesystem = false;
    }, exception is null ? null : new Dictionary<string, string> { [PolicyAnnotations.PolicyException] = exception });

    [Fact]
    public void AnnotationKey_IsTheDocumentedConstant()
    {
        Assert.Equal("runner-console.kubiya.ai/policy-exception", PolicyAnnotations.PolicyException);
        Assert.Equal("runner-console.kubiya.ai/generated", PolicyAnnotations.Generated);
        Assert.Equal("per-install", PolicyAnnotations.GeneratedPerInstall);
    }

    [Fact]
    public void Evaluate_PrivilegedDaggerWithoutException_IsError()
    {
        var report = Evaluate(Dagger(null));

        Assert.True(report.HasErrors);
        Assert.Equal(PolicySeverity.Error, Assert.Single(report.Of("PS007")).Severity);
    }

    [Fact]
    public void Evaluate_AcceptedException_KeepsFindingsVisibleWithReason()
    {
        const string Reason = "dagger engine runs BuildKit, which needs a privileged container";
        var report = Evaluate(Dagger($"PS007, PS003 PS011; {Reason}"));

        Assert.False(report.HasErrors);
        Assert.Equal(3, report.AcceptedExceptions);
        Assert.All(report.Findings, f =>
        {
            Assert.Equal(PolicySeverity.AcceptedException, f.Severity);
            Assert.Equal(Reason, f.ExceptionReason);
        });
        Assert.Equal(["PS003", "PS007", "PS011"], report.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Evaluate_AcceptedException_OnlyWaivesListedRules()
    {
        var report = Evaluate(Dagger("PS007; BuildKit needs it"));

        Assert.Equal(PolicySeverity.AcceptedException, Assert.Single(report.Of("PS007")).Severity);
        Assert.Equal(PolicySeverity.Error, Assert.Single(report.Of("PS003")).Severity);
        Assert.Equal(PolicySeverity.Warning, Assert.Single(report.Of("PS011")).Severity);
    }

    [Fact]
    public void Evaluate_AcceptedException_OnClusterRole()
    {
        var role = new V1ClusterRole
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "ClusterRole",
            Metadata = new V1ObjectMeta
            {
                Name = "kube-state-metrics",
                Annotations = new Dictionary<string, string> { [PolicyAnnotations.PolicyException] = "RB001; kube-state-metrics lists nodes, which are cluster-scoped" },
            },
            Rules = [Rule(["nodes"], ["list", "watch"])],
        };

        var report = Evaluate(role);

        Assert.False(report.HasErrors);
        Assert.Equal(PolicySeverity.AcceptedException, Assert.Single(report.Of("RB001")).Severity);
    }

    [Theory]
    [InlineData("PS007")]
    [InlineData("PS007;   ")]
    [InlineData("; reason")]
    [InlineData("PS999; reason")]
    [InlineData("PE001, PS007; reason")]
    public void Evaluate_MalformedException_IsErrorAndWaivesNothing(string value)
    {
        var report = Evaluate(Dagger(value));

        var finding = Assert.Single(report.Of("PE001"));
        Assert.Equal($"metadata.annotations[\"{PolicyAnnotations.PolicyException}\"]", finding.FieldPath);
        Assert.Equal(PolicySeverity.Error, Assert.Single(report.Of("PS007")).Severity);
        Assert.Equal(0, report.AcceptedExceptions);
    }

    [Fact]
    public void Evaluate_ExceptionForRuleWithoutFinding_IsWarning()
    {
        var report = Evaluate(Dagger("PS007, PS008; BuildKit needs it"));

        var finding = Assert.Single(report.Of("PE002"));
        Assert.Contains("PS008", finding.Message);
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Evaluate_FindingOrder_IsIndependentOfInputOrder()
    {
        V1Deployment Bad(string name) => Deployment(name, p =>
        {
            p.Containers[0].Image = "busybox";
            p.Containers[0].Resources = null;
            p.SecurityContext = null;
        });
        var objects = new k8s.IKubernetesObject<V1ObjectMeta>[]
        {
            Bad("b"), Bad("a"), Dagger("PS007; BuildKit"), Role("r", Rule(["*"], ["*"])), Service("orphan", "none"),
        };

        var forward = Evaluate(objects);
        var backward = Evaluate([.. objects.Reverse()]);

        Assert.Equal(forward.Findings, backward.Findings);
        Assert.Equal(
            forward.Findings.OrderBy(f => f.Severity).ToList(), forward.Findings);
        var errors = forward.Findings.Where(f => f.Severity == PolicySeverity.Error).ToList();
        var firstB = errors.FindIndex(f => f.Object.Name == "b");
        var lastA = errors.FindLastIndex(f => f.Object.Name == "a" && f.Object.Kind == "Deployment");
        Assert.True(lastA < firstB, "findings of Deployment/a come before Deployment/b");
    }

    [Fact]
    public void Evaluate_Counts_MatchFindings()
    {
        var report = Evaluate(Dagger("PS007; BuildKit"), Role("r", Rule(["secrets"], ["watch"])));

        Assert.Equal(report.Findings.Count, report.Errors + report.Warnings + report.AcceptedExceptions);
        Assert.Equal(1, report.Errors);
        Assert.Equal(2, report.Warnings);
        Assert.Equal(1, report.AcceptedExceptions);
        Assert.Equal("1 error, 2 warnings, 1 accepted exception in 2 objects", report.Summary);
    }

    [Fact]
    public void Rules_HaveUniqueIdsAndTitles()
    {
        Assert.Equal(PolicyEngine.Rules.Count, PolicyEngine.Rules.Select(r => r.Id).Distinct().Count());
        Assert.All(PolicyEngine.Rules, r => Assert.Matches("^(PS|RB|IM|SE|RS|PE)[0-9]{3}$", r.Id));
    }
}
