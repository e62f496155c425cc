using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Releases;

public sealed class HelmManifestTests
{
    [Fact]
    public void Join_TwoObjects_UsesHelmDocumentFormat()
    {
        var manifest = HelmManifest.Join([TestReleases.ConfigMap("a"), TestReleases.ConfigMap("b")]);

        Assert.StartsWith("---\n# Source: kubiya-runner/templates/a.yaml\napiVersion: v1\n", manifest);
        Assert.Contains("\n---\n# Source: kubiya-runner/templates/b.yaml\n", manifest);
        Assert.EndsWith("\n", manifest);
        Assert.DoesNotContain("\n\n", manifest);
    }

    [Fact]
    public void Parse_JoinedManifest_RoundTripsObjectsSourcesAndOrder()
    {
        var original = new ManifestSet([TestReleases.ConfigMap("z"), TestReleases.Deployment("tool-manager"), TestReleases.ConfigMap("a")]);

        var parsed = HelmManifest.Parse(HelmManifest.Join(original));

        Assert.Equal(original.Select(m => m.Key), parsed.Select(m => m.Key));
        Assert.Equal(original.Select(m => m.Source), parsed.Select(m => m.Source));
        Assert.Equal(HelmManifest.Join(original), HelmManifest.Join(parsed));
    }

    [Fact]
    public void Split_ManifestWithEmptyDocuments_SkipsThem()
    {
        const string manifest = "---\n# Source: c/templates/empty.yaml\n---\n# Source: c/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

        var documents = HelmManifest.Split(manifest);

        var document = Assert.Single(documents);
        Assert.Equal("c/templates/cm.yaml", document.Source);
        Assert.StartsWith("apiVersion: v1", document.Yaml);
    }
}
