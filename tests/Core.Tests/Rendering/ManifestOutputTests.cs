using k8s;
using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Rendering;

public sealed class ManifestOutputTests
{
    [Fact]
    public void MaskSecrets_RenderedRunner_HidesEveryValueAndKeepsKeys()
    {
        var set = RenderFixture.Render(RenderFixture.Full);

        var masked = ManifestOutput.MaskSecrets(set);
        var yaml = ManifestOutput.ToHelmStream(masked);

        Assert.Equal(set.Select(m => m.Key), masked.Select(m => m.Key));
        Assert.DoesNotContain("placeholder", yaml, StringComparison.Ordinal);
        var secret = masked.OfType<V1Secret>().Single(s => s.Metadata.Name == $"{RenderFixture.Release}-remote-write-auth");
        Assert.Null(secret.Data);
        var original = set.OfType<V1Secret>().Single(s => s.Metadata.Name == secret.Metadata.Name);
        Assert.Equal($"<masked: {original.Data["clientSecret"].Length} bytes>", secret.StringData["clientSecret"]);
        Assert.Contains(set.OfType<V1Secret>(), s => s.Data is not null);
    }

    [Fact]
    public void ToHelmStream_RenderedRunner_HasSourceLinePerDocumentAndLoadsBack()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        var stream = ManifestOutput.ToHelmStream(set);

        Assert.Equal(set.Count, stream.Split("---\n# Source: templates/").Length - 1);
        Assert.Equal(set.Count, KubernetesYaml.LoadAllFromString(stream, strict: true).Count);
    }

    [Fact]
    public void ToFiles_RenderedRunner_OneNumberedFilePerObjectInOrder()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        var files = ManifestOutput.ToFiles(set);

        Assert.Equal(set.Count, files.Select(f => f.FileName).Distinct().Count());
        Assert.Equal($"01-serviceaccount-{set[0].Name}.yaml", files[0].FileName);
        Assert.Equal(files.Select(f => f.FileName).Order(StringComparer.Ordinal), files.Select(f => f.FileName));
        Assert.StartsWith("# Source: templates/", files[^1].Content, StringComparison.Ordinal);
    }
}
