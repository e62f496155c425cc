using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>Parts of a render kept from the previous one (dashboard JSON, parsed quantities) must never leak into another input's output.</summary>
public sealed class RenderCacheTests
{
    [Fact]
    public void Render_EveryVariantAfterEveryOther_IsTheSameAsAlone()
    {
        var variants = RenderFixture.Variants.Select(row => row.Data).ToList();
        var alone = variants.ToDictionary(v => v, v => RenderFixture.Render(RenderFixture.Variant(v)).ToYaml());

        foreach (var before in variants)
        {
            foreach (var variant in variants)
            {
                RenderFixture.Render(RenderFixture.Variant(before));
                Assert.True(alone[variant] == RenderFixture.Render(RenderFixture.Variant(variant)).ToYaml(), $"{variant} rendered after {before} differs from {variant} alone");
            }
        }
    }

    [Fact]
    public void Render_OtherReleaseName_RenamesTheDashboards()
    {
        var values = RenderFixture.Full;
        var first = RunnerRenderer.Render(values, RenderFixture.VersionOf(values), "first", RenderFixture.Namespace, new RenderContext(new TestSecretMaterial())).ToYaml();
        var second = RunnerRenderer.Render(values, RenderFixture.VersionOf(values), "second", RenderFixture.Namespace, new RenderContext(new TestSecretMaterial())).ToYaml();

        Assert.Contains("kubiya-runner-overview-first", first, StringComparison.Ordinal);
        Assert.Contains("kubiya-runner-overview-second", second, StringComparison.Ordinal);
        Assert.DoesNotContain("-first", second, StringComparison.Ordinal);
    }
}
