using RunnerConsole.Core.Policy;

namespace RunnerConsole.Core.Tests.Policy;

public sealed class RulesDocumentationTests
{
    [Fact]
    public void RulesMd_ListsEveryRuleWithItsSeverity()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RunnerConsole.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var doc = File.ReadAllText(Path.Combine(dir.FullName, "src", "Core", "Policy", "RULES.md"));
        Assert.All(PolicyEngine.Rules, rule =>
            Assert.Contains($"| {rule.Id} | {rule.Severity.ToWireName()} |", doc));
        Assert.Contains(PolicyAnnotations.PolicyException, doc);
        Assert.Contains(PolicyAnnotations.Generated, doc);
    }
}
