using System.Text.Json.Nodes;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Tests.Releases;

namespace RunnerConsole.Core.Tests.Planning;

public sealed class FieldDiffTests
{
    [Fact]
    public void Compare_ContainerImageChanged_ReportsPathByContainerName()
    {
        var old = ObjectNormalizer.Normalize(TestReleases.Deployment("tm", "tool-manager:v0.3.2").Object);
        var @new = ObjectNormalizer.Normalize(TestReleases.Deployment("tm", "tool-manager:v0.5.8").Object);

        var change = Assert.Single(FieldDiff.Compare(old, @new));

        Assert.Equal("spec.template.spec.containers[name=main].image", change.Path);
        Assert.Equal(FieldChangeKind.Changed, change.Kind);
        Assert.Equal("tool-manager:v0.3.2", change.Old);
        Assert.Equal("tool-manager:v0.5.8", change.New);
    }

    [Fact]
    public void Compare_ContainersReordered_ReportsNothing()
    {
        var old = JsonNode.Parse("""{"c":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}""");
        var @new = JsonNode.Parse("""{"c":[{"name":"b","image":"y"},{"name":"a","image":"x"}]}""");

        Assert.Empty(FieldDiff.Compare(old, @new));
    }

    [Fact]
    public void Compare_AddedAndRemovedKeys_AreReportedWithDottedKeysBracketed()
    {
        var old = JsonNode.Parse("""{"metadata":{"labels":{"app.kubernetes.io/name":"a"}},"spec":{"gone":1}}""");
        var @new = JsonNode.Parse("""{"metadata":{"labels":{"app.kubernetes.io/name":"b"}},"spec":{"ports":[{"port":80,"protocol":"TCP"}]}}""");

        var changes = FieldDiff.Compare(old, @new).Select(c => c.ToString()).ToList();

        Assert.Equal(
            ["~ metadata.labels[\"app.kubernetes.io/name\"]: a -> b", "- spec.gone: 1", "+ spec.ports: [{\"port\":80,\"protocol\":\"TCP\"}]"],
            changes);
    }

    [Fact]
    public void Compare_ServicePortsByPortAndProtocol_MatchesByKey()
    {
        var old = JsonNode.Parse("""{"ports":[{"port":53,"protocol":"UDP","name":"dns"},{"port":53,"protocol":"TCP","name":"dns-tcp"}]}""");
        var @new = JsonNode.Parse("""{"ports":[{"port":53,"protocol":"TCP","name":"dns-tcp"},{"port":53,"protocol":"UDP","name":"dns2"}]}""");

        var change = Assert.Single(FieldDiff.Compare(old, @new));

        Assert.Equal("ports[port=53/UDP].name", change.Path);
    }

    [Theory]
    [InlineData("a: 1\nb: 30s\nc: 3\n", "a: 1\nb: 45s\nc: 3\n", "~ data[\"config.yaml\"]: b: 30s -> b: 45s")]
    [InlineData("a: 1\nb: 2\n", "a: 1\nb: 2\nc: 3\nd: 4\n", "~ data[\"config.yaml\"]: 2 lines added (see the diff)")]
    [InlineData("a: 1\nb: 2\nc: 3\n", "a: 1\n", "~ data[\"config.yaml\"]: 2 lines removed (see the diff)")]
    [InlineData("a: 1\nb: 2\nc: 3\n", "a: 9\nb: 9\nc: 3\n", "~ data[\"config.yaml\"]: 2 lines removed, 2 lines added (see the diff)")]
    [InlineData("one line", "a: 1\nb: 2\n", "~ data[\"config.yaml\"]: 1 line removed, 2 lines added (see the diff)")]
    [InlineData("a: 1\nb: 2", "a: 1\nb: 2\n", "~ data[\"config.yaml\"]: final newline added (see the diff)")]
    public void ToString_ChangedMultiLineText_NamesTheLinesThatChanged_NotBothTexts(string old, string @new, string expected)
    {
        var change = Assert.Single(FieldDiff.Compare(
            new JsonObject { ["data"] = new JsonObject { ["config.yaml"] = old } },
            new JsonObject { ["data"] = new JsonObject { ["config.yaml"] = @new } }));

        Assert.Equal(expected, change.ToString());
        Assert.Equal(old, change.Old);
        Assert.Equal(@new, change.New);
    }
}
