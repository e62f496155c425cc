using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ImageResolverTests
{
    [Fact]
    public void Resolve_EmptyTags_TakeTheSelectedVersionsPins()
    {
        var older = ImageResolver.Resolve(TestValues.Minimal with { Version = "1.0.0" }, RunnerCatalog.Default)!;
        var newer = ImageResolver.Resolve(TestValues.Minimal, RunnerCatalog.Default)!;

        Assert.Equal("ghcr.io/kubiyabot/agent-manager:v0.1.3", older.AgentManager.Reference);
        Assert.Equal("ghcr.io/kubiyabot/agent-manager:v0.5.1", newer.AgentManager.Reference);
        Assert.Equal("quay.io/prometheus/blackbox-exporter:v0.28.0", newer.BlackboxExporter.Reference);
    }

    [Fact]
    public void Resolve_ExplicitTagAndDigest_WinOverThePin()
    {
        var values = TestValues.Minimal with
        {
            ToolManager = TestValues.Minimal.ToolManager with
            {
                Image = TestValues.Minimal.ToolManager.Image with { Tag = "v0.6.0" },
                SdkServer = TestValues.Minimal.ToolManager.SdkServer with
                {
                    Image = TestValues.Minimal.ToolManager.SdkServer.Image with { Digest = "sha256:" + new string('a', 64) },
                },
            },
        };

        var images = ImageResolver.Resolve(values, RunnerCatalog.Default)!;

        Assert.Equal("ghcr.io/kubiyabot/tool-manager:v0.6.0", images.ToolManager.Reference);
        Assert.Equal("ghcr.io/kubiyabot/sdk-py@sha256:" + new string('a', 64), images.SdkServer.Reference);
    }

    [Theory]
    [InlineData("ghcr.io/kubiyabot/agent-manager", "mirror.local:5000", "mirror.local:5000/kubiyabot/agent-manager")]
    [InlineData("otel/opentelemetry-collector-contrib", "mirror.local/hub", "mirror.local/hub/otel/opentelemetry-collector-contrib")]
    [InlineData("registry.k8s.io/kube-state-metrics/kube-state-metrics", "mirror.local/", "mirror.local/kube-state-metrics/kube-state-metrics")]
    [InlineData("localhost/x", "m.local", "m.local/x")]
    [InlineData("ghcr.io/kubiyabot/agent-manager", "", "ghcr.io/kubiyabot/agent-manager")]
    public void WithRegistry_RewritesOnlyTheRegistryHost(string repository, string registry, string expected)
    {
        Assert.Equal(expected, ImageResolver.WithRegistry(repository, registry));
    }

    [Fact]
    public void Resolve_UnknownVersion_ReturnsNull()
    {
        Assert.Null(ImageResolver.Resolve(TestValues.Minimal with { Version = "0.0.1" }, RunnerCatalog.Default));
    }
}
