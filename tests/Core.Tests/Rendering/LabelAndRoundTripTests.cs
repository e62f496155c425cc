using k8s;
using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>Labels and Helm ownership on everything, clean removal of disabled components, and lossless strict YAML.</summary>
public sealed class LabelAndRoundTripTests
{
    private static readonly string[] RequiredLabels =
        ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component", "app.kubernetes.io/version", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by"];

    public static TheoryData<string> Variants => RenderFixture.Variants;

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_EveryObjectHasLabelsAndHelmOwnership(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        foreach (var m in set)
        {
            var meta = m.Object.Metadata;
            Assert.All(RequiredLabels, l => Assert.True(meta.Labels.ContainsKey(l), $"{m.Key}: label {l} missing"));
            Assert.Equal("Helm", meta.Labels["app.kubernetes.io/managed-by"]);
            Assert.Equal(RenderFixture.Release, meta.Labels["app.kubernetes.io/instance"]);
            Assert.Equal(RenderFixture.Release, meta.Annotations["meta.helm.sh/release-name"]);
            Assert.Equal(RenderFixture.Namespace, meta.Annotations["meta.helm.sh/release-namespace"]);
        }

        foreach (var pod in set.Pods())
        {
            Assert.All(RequiredLabels, l => Assert.True(pod.Metadata.Labels.ContainsKey(l), $"{pod.Owner.Key}: pod label {l} missing"));
        }

        foreach (var deployment in set.OfType<V1Deployment>())
        {
            var selector = deployment.Spec.Selector.MatchLabels;
            Assert.Equal(["app.kubernetes.io/instance", "app.kubernetes.io/name"], selector.Keys.Order());
            Assert.All(selector, kv => Assert.Equal(kv.Value, deployment.Spec.Template.Metadata.Labels[kv.Key]));
        }

        foreach (var service in set.OfType<V1Service>())
        {
            Assert.Equal(["app.kubernetes.io/instance", "app.kubernetes.io/name"], service.Spec.Selector.Keys.Order());
        }
    }

    [Theory]
    [InlineData("no-dagger", new[] { RunnerComponents.Dagger, RunnerComponents.DaggerService, "registry-tls", "KUBIYA_DAGGER_ENGINE_SERVICE_URL" })]
    [InlineData("no-kube-state-metrics", new[] { RunnerComponents.KubeStateMetrics, "kube_" })]
    [InlineData("no-blackbox", new[] { RunnerComponents.BlackboxExporter, "probe_", "/probe" })]
    [InlineData("no-monitoring", new[] { RunnerComponents.OtelCollector, RunnerComponents.KubeStateMetrics, RunnerComponents.BlackboxExporter, "grafana_dashboard" })]
    public void Render_ComponentDisabled_LeavesNoObjectOrReference(string variant, string[] traces)
    {
        var enabled = RenderFixture.Render(RenderFixture.Full).ToYaml();
        var yaml = RenderFixture.Render(RenderFixture.Variant(variant)).ToYaml();

        foreach (var trace in traces)
        {
            Assert.Contains(trace, enabled, StringComparison.Ordinal);
            Assert.DoesNotContain(trace, yaml, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_EveryDocumentLoadsBackStrictlyAsTheSameObject(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        foreach (var m in set)
        {
            var yaml = m.ToYaml();
            var loaded = Assert.Single(KubernetesYaml.LoadAllFromString(yaml, strict: true));
            Assert.IsType(m.Object.GetType(), loaded);
            Assert.Equal(KubernetesJson.Serialize(m.Object), KubernetesJson.Serialize(loaded));
        }

        var all = KubernetesYaml.LoadAllFromString(set.ToYaml(), strict: true);
        Assert.Equal(set.Count, all.Count);
    }

    [Fact]
    public void LoadAllFromString_Strict_RejectsUnknownField()
    {
        var yaml = RenderFixture.Render(RenderFixture.Default)[0].ToYaml() + "\nbogusField: 1";

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(yaml, strict: true));
    }
}
