using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Tests.Values;

namespace RunnerConsole.Core.Tests.Catalog;

public sealed class RunnerCatalogTests
{
    [Fact]
    public void Default_HasTwoVersionsOldestFirst()
    {
        Assert.Equal(["1.0.0", "1.1.0"], RunnerCatalog.Default.Versions.Select(v => v.Version));
        Assert.Equal("1.1.0", RunnerCatalog.Default.Latest.Version);
    }

    [Fact]
    public void Default_EveryImageOfEveryVersion_IsPinnedToAnExplicitTag()
    {
        foreach (var version in RunnerCatalog.Default.Versions)
        {
            Assert.Equal(11, version.Images.All.Count);
            foreach (var (component, image) in version.Images.All)
            {
                Assert.False(string.IsNullOrEmpty(image.Tag), $"{version.Version} {component}: no tag");
                Assert.NotEqual("latest", image.Tag);
                Assert.Contains('/', image.Repository);
            }
        }
    }

    [Fact]
    public void Default_NewerVersion_MovesTheFactsTags()
    {
        var older = BuiltInVersions.V1_0_0.Images;
        var newer = BuiltInVersions.V1_1_0.Images;

        Assert.Equal(("v0.1.3", "v0.5.1"), (older.AgentManager.Tag, newer.AgentManager.Tag));
        Assert.Equal(("v0.3.2", "v0.5.8"), (older.ToolManager.Tag, newer.ToolManager.Tag));
        Assert.Equal(("v1.7.1", "v1.20.0"), (older.SdkServer.Tag, newer.SdkServer.Tag));
        Assert.Equal(("v0.1.1", "v0.2.1"), (older.Dagger.Tag, newer.Dagger.Tag));
        Assert.Equal(("v2.14.0", "v2.20.0"), (older.KubeStateMetrics.Tag, newer.KubeStateMetrics.Tag));
        Assert.Equal(("v0.24.0", "v0.28.0"), (older.BlackboxExporter.Tag, newer.BlackboxExporter.Tag));
    }

    [Theory]
    [InlineData("", "1.1.0")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.1.0", "1.1.0")]
    public void Resolve_KnownOrEmptyVersion_FindsIt(string requested, string expected)
    {
        Assert.Equal(expected, RunnerCatalog.Default.Resolve(requested)?.Version);
    }

    [Fact]
    public void Resolve_UnknownVersion_ReturnsNull()
    {
        Assert.Null(RunnerCatalog.Default.Resolve("2.0.0"));
    }

    [Theory]
    [InlineData("v1.35.0", true)]
    [InlineData("1.29", true)]
    [InlineData("v1.30.2-eks-1", true)]
    [InlineData("v1.28.9", false)]
    [InlineData("v1.36.0", false)]
    [InlineData("v2.30.0", false)]
    [InlineData("garbage", false)]
    public void Supports_KubernetesVersion_ChecksTheMinorRange(string version, bool expected)
    {
        Assert.Equal(expected, BuiltInVersions.V1_1_0.Kubernetes.Supports(version));
    }

    [Fact]
    public void ToMarkdown_CheckedInCompatibilityTable_IsInSync()
    {
        RepositoryFiles.AssertInSync("docs/compatibility.md", CompatibilityDocs.ToMarkdown(RunnerCatalog.Default));
    }

    [Fact]
    public void ToMarkdown_Catalog_ListsEveryVersionAndImage()
    {
        var markdown = CompatibilityDocs.ToMarkdown(RunnerCatalog.Default);

        Assert.Contains("| `1.0.0` | `0.1.3` | 1.27–1.32 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `toolManager` | `ghcr.io/kubiyabot/tool-manager:v0.3.2` | `ghcr.io/kubiyabot/tool-manager:v0.5.8` |", markdown, StringComparison.Ordinal);
    }
}
