using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValueRulesTests
{
    [Theory]
    [InlineData("100m", 0.1)]
    [InlineData("0.5", 0.5)]
    [InlineData("2", 2)]
    [InlineData("256Mi", 268435456)]
    [InlineData("1G", 1000000000)]
    [InlineData("1e3", 1000)]
    public void Parse_ValidQuantity_ReturnsBaseUnits(string text, double expected)
    {
        Assert.Equal((decimal)expected, Quantity.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("100 m")]
    [InlineData("1.5.0")]
    [InlineData("256MB")]
    [InlineData("-1")]
    public void Parse_InvalidQuantity_ReturnsNull(string text)
    {
        Assert.Null(Quantity.Parse(text));
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("168h", 604800)]
    public void Parse_GoDuration_ReturnsTimeSpan(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("5 m")]
    [InlineData("1d")]
    [InlineData("-5s")]
    public void Parse_NotAGoDuration_ReturnsNull(string text)
    {
        Assert.Null(GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("0 * * * *")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 3 * * MON-FRI")]
    [InlineData("15,45 1-5/2 1 JAN,jul 0")]
    [InlineData("@hourly")]
    public void Check_ValidCron_ReturnsNull(string schedule)
    {
        Assert.Null(CronSchedule.Check(schedule));
    }

    [Theory]
    [InlineData("* * * *", "got 4")]
    [InlineData("60 * * * *", "minute field '60'")]
    [InlineData("0 24 * * *", "hour field '24'")]
    [InlineData("0 0 0 * *", "day of month field '0'")]
    [InlineData("0 0 * 13 *", "month field '13'")]
    [InlineData("*/0 * * * *", "minute field")]
    [InlineData("0 5-1 * * *", "hour field")]
    [InlineData("@sometimes", "unknown schedule macro")]
    public void Check_InvalidCron_NamesTheField(string schedule, string expected)
    {
        Assert.Contains(expected, CronSchedule.Check(schedule), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runner-nats", true)]
    [InlineData("tls.runner.v1", true)]
    [InlineData("Runner", false)]
    [InlineData("runner_nats", false)]
    [InlineData("runner-", false)]
    public void CheckSubdomain_KubernetesNames_FollowsDns1123(string name, bool valid)
    {
        Assert.Equal(valid, KubernetesNames.CheckSubdomain(name) is null);
    }

    [Theory]
    [InlineData("kubernetes.io/os", true)]
    [InlineData("dedicated", true)]
    [InlineData("example.com/", false)]
    [InlineData("/name", false)]
    [InlineData("bad key", false)]
    public void CheckQualifiedName_LabelKeys_FollowsKubernetesRules(string key, bool valid)
    {
        Assert.Equal(valid, KubernetesNames.CheckQualifiedName(key) is null);
    }

    [Theory]
    [InlineData("replica", "replicas")]
    [InlineData("enabeld", "enabled")]
    [InlineData("ImagE", "image")]
    [InlineData("nodeselector", "nodeSelector")]
    public void Closest_Typo_SuggestsTheKey(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, ["enabled", "replicas", "image", "resources", "nodeSelector"]));
    }

    [Fact]
    public void Closest_UnrelatedWord_SuggestsNothing()
    {
        Assert.Null(Suggestions.Closest("banana", ["enabled", "replicas", "image"]));
    }
}
