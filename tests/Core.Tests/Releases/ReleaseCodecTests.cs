using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Tests.Releases;

public sealed class ReleaseCodecTests
{
    [Fact]
    public void Encode_Record_IsBase64OfGzipOfJson()
    {
        var encoded = ReleaseCodec.Encode(TestReleases.Record());

        var bytes = Convert.FromBase64String(encoded);
        Assert.Equal([0x1f, 0x8b, 0x08], bytes[..3]);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        var json = JsonNode.Parse(gzip)!.AsObject();
        Assert.Equal("runner", (string?)json["name"]);
    }

    [Fact]
    public void Decode_EncodedRecord_RoundTrips()
    {
        var record = TestReleases.Record(3, ReleaseStatus.PendingUpgrade, "---\n# Source: a.yaml\nkind: ConfigMap\n");

        var decoded = ReleaseCodec.Decode(ReleaseCodec.Encode(record));

        Assert.Equal(ReleaseCodec.ToJson(record), ReleaseCodec.ToJson(decoded));
        Assert.Equal(ReleaseStatus.PendingUpgrade, decoded.Status);
        Assert.Equal(record.Info.LastDeployed, decoded.Info.LastDeployed);
        Assert.Equal("kind: ConfigMap\n", Encoding.UTF8.GetString(decoded.Chart.Templates[0].Data));
    }

    [Fact]
    public void Decode_PlainJsonWithoutGzip_IsAccepted()
    {
        var json = ReleaseCodec.ToJson(TestReleases.Record());

        var decoded = ReleaseCodec.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("kubiya", decoded.Namespace);
    }

    [Fact]
    public void ToJson_Record_UsesHelmFieldNames()
    {
        var json = JsonNode.Parse(ReleaseCodec.ToJson(TestReleases.Record(manifest: "m")))!.AsObject();

        Assert.Equal(["name", "info", "chart", "config", "manifest", "hooks", "version", "namespace", "apply_method"], json.Select(p => p.Key));
        Assert.Equal("ssa", (string?)json["apply_method"]);
        Assert.Equal(1, (int)json["version"]!);
        var info = json["info"]!.AsObject();
        Assert.Equal(["first_deployed", "last_deployed", "description", "status"], info.Select(p => p.Key));
        Assert.Equal("2026-11-25T21:00:00Z", (string?)info["first_deployed"]);
        Assert.Equal("deployed", (string?)info["status"]);
        var chart = json["chart"]!.AsObject();
        Assert.Equal(["metadata", "templates", "values"], chart.Select(p => p.Key));
        Assert.Equal("v2", (string?)chart["metadata"]!["apiVersion"]);
        Assert.Equal("0.6.0", (string?)chart["metadata"]!["appVersion"]);
        Assert.Equal(Convert.ToBase64String("kind: ConfigMap\n"u8.ToArray()), (string?)chart["templates"]![0]!["data"]);
    }

    [Theory]
    [InlineData(ReleaseStatus.Deployed, "deployed")]
    [InlineData(ReleaseStatus.Superseded, "superseded")]
    [InlineData(ReleaseStatus.Failed, "failed")]
    [InlineData(ReleaseStatus.Uninstalled, "uninstalled")]
    [InlineData(ReleaseStatus.Uninstalling, "uninstalling")]
    [InlineData(ReleaseStatus.PendingInstall, "pending-install")]
    [InlineData(ReleaseStatus.PendingUpgrade, "pending-upgrade")]
    [InlineData(ReleaseStatus.PendingRollback, "pending-rollback")]
    [InlineData(ReleaseStatus.Unknown, "unknown")]
    public void ToHelm_EachStatus_IsHelmString(ReleaseStatus status, string helm)
    {
        Assert.Equal(helm, status.ToHelm());
        Assert.Equal(status, ReleaseStatuses.Parse(helm));
    }

    [Fact]
    public void FromJson_HelmWrittenRecord_ReadsTimesAndKeepsUnknownFields()
    {
        // As helm 3 wrote it: nanosecond times with an offset, an empty "deleted", chart lock/files/schema.
        const string json = """
            {"name":"runner","info":{"first_deployed":"2026-11-25T22:01:02.123456789+01:00","last_deployed":"2026-11-25T22:01:02.123456789+01:00","deleted":"","description":"Install complete","status":"deployed"},
             "chart":{"metadata":{"name":"c","version":"1.0.0","apiVersion":"v2","keywords":["a"]},"lock":null,"templates":[],"values":{"a":1},"schema":null,"files":[]},
             "config":{},"manifest":"---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\n","version":1,"namespace":"kubiya"}
            """;

        var record = ReleaseCodec.FromJson(json);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 21, 1, 2, TimeSpan.Zero).AddTicks(1234567), record.Info.FirstDeployed);
        Assert.Null(record.Info.Deleted);
        Assert.Null(record.ApplyMethod);
        var again = JsonNode.Parse(ReleaseCodec.ToJson(record))!;
        Assert.NotNull(again["chart"]!["files"]);
        Assert.Equal("a", (string?)again["chart"]!["metadata"]!["keywords"]![0]);
    }
}
