using RunnerConsole.Core.Policy;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>The rendered runner passes the policy engine: no errors, and dagger shows up as the one accepted exception.</summary>
public sealed class PolicyCleanTests
{
    public static TheoryData<string> Variants => RenderFixture.Variants;

    [Fact]
    public void Render_DefaultRunner_HasZeroPolicyErrors()
    {
        var report = PolicyEngine.Evaluate(RenderFixture.Render(RenderFixture.Default));

        Assert.True(report.Errors == 0, "policy errors:\n" + string.Join('\n', report.Findings.Where(f => f.Severity == PolicySeverity.Error).Select(f => $"{f.RuleId} {f.Object} {f.FieldPath}: {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariantWithoutClusterAccess_HasZeroPolicyErrors(string variant)
    {
        var values = RenderFixture.Variant(variant);
        values = values with { ToolManager = values.ToolManager with { ClusterAccess = Core.Values.ClusterAccess.None } };

        var report = PolicyEngine.Evaluate(RenderFixture.Render(values));

        Assert.True(report.Errors == 0, "policy errors:\n" + string.Join('\n', report.Findings.Where(f => f.Severity == PolicySeverity.Error).Select(f => $"{f.RuleId} {f.Object} {f.FieldPath}: {f.Message}")));
    }

    [Fact]
    public void Render_DefaultRunner_DaggerIsTheOnlyAcceptedExceptionAndNoWaiverIsStale()
    {
        var report = PolicyEngine.Evaluate(RenderFixture.Render(RenderFixture.Default));

        var exceptions = report.Findings.Where(f => f.Severity == PolicySeverity.AcceptedException).ToList();
        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, f => Assert.Equal(("Deployment", RunnerComponents.Dagger), (f.Object.Kind, f.Object.Name)));
        Assert.DoesNotContain(report.Findings, f => f.RuleId.StartsWith("PE", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ClusterAccessRequested_IsReportedAsPolicyError()
    {
        var report = PolicyEngine.Evaluate(RenderFixture.Render(RenderFixture.Full));

        Assert.Contains(report.Findings, f => f.RuleId == "RB001" && f.Severity == PolicySeverity.Error);
        Assert.Contains(report.Findings, f => f.RuleId == "RB002" && f.Severity == PolicySeverity.Error);
    }
}
