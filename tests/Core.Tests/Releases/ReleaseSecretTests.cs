using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Tests.Releases;

public sealed class ReleaseSecretTests
{
    [Fact]
    public void Build_Create_HasHelmNameTypeAndLabels()
    {
        var secret = ReleaseSecret.Build(TestReleases.Record(4, ReleaseStatus.PendingUpgrade), TestReleases.Now, forUpdate: false);

        Assert.Equal("sh.helm.release.v1.runner.v4", secret.Metadata.Name);
        Assert.Equal("kubiya", secret.Metadata.NamespaceProperty);
        Assert.Equal("helm.sh/release.v1", secret.Type);
        Assert.Equal("runner", secret.Metadata.Labels["name"]);
        Assert.Equal("helm", secret.Metadata.Labels["owner"]);
        Assert.Equal("pending-upgrade", secret.Metadata.Labels["status"]);
        Assert.Equal("4", secret.Metadata.Labels["version"]);
        Assert.Equal(TestReleases.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), secret.Metadata.Labels["createdAt"]);
        Assert.False(secret.Metadata.Labels.ContainsKey("modifiedAt"));
        Assert.Equal(["release"], secret.Data.Keys);
    }

    [Fact]
    public void Build_Update_StampsModifiedAt()
    {
        var secret = ReleaseSecret.Build(TestReleases.Record(), TestReleases.Now, forUpdate: true);

        Assert.True(secret.Metadata.Labels.ContainsKey("modifiedAt"));
        Assert.False(secret.Metadata.Labels.ContainsKey("createdAt"));
    }

    [Fact]
    public void Read_BuiltSecret_ReturnsRecordWithStatusEqualToLabel()
    {
        var secret = ReleaseSecret.Build(TestReleases.Record(2, ReleaseStatus.Superseded), TestReleases.Now, forUpdate: false);

        var record = ReleaseSecret.Read(secret);

        Assert.Equal(2, record.Version);
        Assert.Equal(secret.Metadata.Labels["status"], record.Status.ToHelm());
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "upgrade by alice: image bump")]
    public void BuildJson_IsTheTypedSecretAsJson(bool forUpdate, string? operation)
    {
        var record = TestReleases.Record(3, ReleaseStatus.Deployed);

        var json = ReleaseSecret.BuildJson(record, TestReleases.Now, forUpdate, operation);

        var typed = RunnerConsole.Core.Cluster.KubeObjects.ToJson(ReleaseSecret.Build(record, TestReleases.Now, forUpdate, operation));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(typed, json), $"{typed.ToJsonString()}\n{json.ToJsonString()}");
    }
}
