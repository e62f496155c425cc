using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>Every container: pinned image, pull policy, requests and limits, restricted security context — dagger excepted, visibly.</summary>
public sealed class ContainerPropertyTests
{
    public static TheoryData<string> Variants => RenderFixture.Variants;

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_EveryImageIsPinned(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        foreach (var container in set.Pods().SelectMany(p => p.AllContainers))
        {
            var image = container.Image;
            var lastSlash = image.LastIndexOf('/');
            var tagColon = image.IndexOf(':', lastSlash + 1);
            Assert.True(image.Contains('@', StringComparison.Ordinal) || tagColon > 0, $"{container.Name}: image '{image}' has no tag");
            Assert.False(image.EndsWith(":latest", StringComparison.Ordinal), $"{container.Name}: image '{image}' uses latest");
        }
    }

    [Fact]
    public void Render_Default_PullPolicyIsIfNotPresentEverywhere()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        Assert.All(set.Pods().SelectMany(p => p.AllContainers), c => Assert.Equal("IfNotPresent", c.ImagePullPolicy));
    }

    [Fact]
    public void Render_PullPolicyAlways_AppliesToEveryContainer()
    {
        var set = RenderFixture.Render(RenderFixture.Full);

        Assert.Equal("Always", RenderFixture.Full.Images.PullPolicy);
        Assert.All(set.Pods().SelectMany(p => p.AllContainers), c => Assert.Equal("Always", c.ImagePullPolicy));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_EveryContainerHasRequestsAndMemoryLimit(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        foreach (var container in set.Pods().SelectMany(p => p.AllContainers))
        {
            Assert.True(container.Resources?.Requests?.ContainsKey("cpu") == true, $"{container.Name}: no cpu request");
            Assert.True(container.Resources?.Requests?.ContainsKey("memory") == true, $"{container.Name}: no memory request");
            Assert.True(container.Resources?.Limits?.ContainsKey("memory") == true, $"{container.Name}: no memory limit");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_EveryContainerButDaggerIsRestricted(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        foreach (var pod in set.Pods().Where(p => p.Owner.Name != RunnerComponents.Dagger))
        {
            Assert.Equal("RuntimeDefault", pod.Spec.SecurityContext.SeccompProfile.Type);
            Assert.True(pod.Spec.SecurityContext.RunAsNonRoot);
            foreach (var container in pod.AllContainers)
            {
                var sc = container.SecurityContext;
                var where = $"{pod.Owner.Name}/{container.Name}";
                Assert.True(sc.RunAsNonRoot == true, $"{where}: runAsNonRoot");
                Assert.True(sc.AllowPrivilegeEscalation == false, $"{where}: allowPrivilegeEscalation");
                Assert.Equal(["ALL"], sc.Capabilities.Drop);
                Assert.Null(sc.Capabilities.Add);
                Assert.Equal("RuntimeDefault", sc.SeccompProfile.Type);
                Assert.True(sc.ReadOnlyRootFilesystem == true, $"{where}: readOnlyRootFilesystem");
                Assert.NotEqual(true, sc.Privileged);
                Assert.NotEqual(0, sc.RunAsUser ?? pod.Spec.SecurityContext.RunAsUser);
            }
        }
    }

    [Fact]
    public void Render_Dagger_IsTheOnePrivilegedPodAndDeclaresItsException()
    {
        var set = RenderFixture.Render(RenderFixture.Full);

        var privileged = set.Pods().Where(p => p.AllContainers.Any(c => c.SecurityContext.Privileged == true)).ToList();
        var dagger = Assert.Single(privileged);
        Assert.Equal(RunnerComponents.Dagger, dagger.Owner.Name);
        var exception = dagger.Owner.Object.Metadata.Annotations["runner-console.kubiya.ai/policy-exception"];
        Assert.Contains(";", exception, StringComparison.Ordinal);
        Assert.Equal(exception, dagger.Metadata.Annotations["runner-console.kubiya.ai/policy-exception"]);
        Assert.DoesNotContain(set, m => m.Name != RunnerComponents.Dagger && m.Object.Metadata.Annotations?.ContainsKey("runner-console.kubiya.ai/policy-exception") == true);
    }

    [Fact]
    public void Render_RegistryMirror_RewritesEveryImageAndAddsPullSecretsToEveryPod()
    {
        var set = RenderFixture.Render(RenderFixture.Full);

        foreach (var pod in set.Pods())
        {
            Assert.Equal(["mirror-pull"], pod.Spec.ImagePullSecrets.Select(s => s.Name));
            Assert.All(pod.AllContainers, c => Assert.StartsWith("mirror.example.com/kubiya/", c.Image, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Render_NoMirror_KeepsCatalogImagesAndNoPullSecrets()
    {
        var set = RenderFixture.Render(RenderFixture.Default);
        var catalog = RenderFixture.VersionOf(RenderFixture.Default).Images.All.Select(i => i.Image.Reference).ToHashSet();

        foreach (var pod in set.Pods())
        {
            Assert.Null(pod.Spec.ImagePullSecrets);
            Assert.All(pod.AllContainers, c => Assert.Contains(c.Image, catalog));
        }
    }

    [Fact]
    public void Render_ValuesTagAndDigest_OverrideCatalogPin()
    {
        var values = RenderFixture.Default with
        {
            AgentManager = RenderFixture.Default.AgentManager with { Image = new() { Repository = "ghcr.io/kubiyabot/agent-manager", Tag = "v9.9.9" } },
            Operator = RenderFixture.Default.Operator with { Image = new() { Repository = "ghcr.io/kubiyabot/kubiya-operator", Digest = "sha256:" + new string('a', 64) } },
        };
        var set = RenderFixture.Render(values);

        Assert.Equal("ghcr.io/kubiyabot/agent-manager:v9.9.9", set.Pod(RunnerComponents.AgentManager).Spec.Containers[0].Image);
        Assert.Equal("ghcr.io/kubiyabot/kubiya-operator@sha256:" + new string('a', 64), set.Pod(RunnerComponents.Operator).Spec.Containers[0].Image);
    }
}
