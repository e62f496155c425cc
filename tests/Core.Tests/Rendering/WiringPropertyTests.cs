using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>Components find each other: Services, the sdk-server sidecar, dagger discovery, and the env wiring of the facts.</summary>
public sealed class WiringPropertyTests
{
    public static TheoryData<string> Variants => RenderFixture.Variants;

    [Fact]
    public void Render_ToolManager_HasSdkServerSidecarAndFactsEnv()
    {
        var set = RenderFixture.Render(RenderFixture.Full);
        var pod = set.Pod(RunnerComponents.ToolManager);

        Assert.Equal([RunnerComponents.ToolManager, RunnerComponents.SdkServer], pod.Spec.Containers.Select(c => c.Name));
        var sdk = pod.Spec.Containers[1];
        Assert.Equal([8000, 50051], sdk.Ports.Select(p => p.ContainerPort));
        Assert.Equal("mirror.example.com/kubiya/kubiyabot/sdk-py:v1.20.0", sdk.Image);
        var env = pod.Spec.Containers[0].Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("tcp://dagger-engine-service:8080", env["KUBIYA_DAGGER_ENGINE_SERVICE_URL"]);
        Assert.Equal("http://127.0.0.1:8000", env["KUBIYA_SDK_SERVER_URL"]);
        Assert.Equal("5m", env["KUBIYA_TOOL_TIMEOUT"]);
        Assert.Equal("168h", env["KUBIYA_LONG_RUNNING_TOOL_TIMEOUT"]);
        Assert.Equal("acme", env["KUBIYA_USER_ORG"]);
        Assert.Equal("golden", env["KUBIYA_RUNNER_NAME"]);
        Assert.Equal("acme.golden", env["KUBIYA_GROUP_NAME"]);
        Assert.Equal("3f0c6a8e-1b2d-4c5e-9f70-123456789abc", env["KUBIYA_AGENT_UUID"]);
        Assert.Equal(pod.Spec.ServiceAccountName, env["KUBIYA_SERVICE_ACCOUNT"]);
    }

    [Fact]
    public void Render_AgentManagerAndOperator_HaveFactsEnv()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        var agent = set.Pod(RunnerComponents.AgentManager).Spec.Containers[0].Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal($"http://tool-manager.{RenderFixture.Namespace}:80", agent["TOOL_MANAGER_URL"]);
        Assert.Equal("/nats/nats.creds", agent["KUBIYA_NATS_CREDS"]);
        var op = set.Pod(RunnerComponents.Operator).Spec.Containers[0].Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("tls://connect.ngs.global", op["NATS_SERVER"]);
        Assert.Equal("acme.golden.incoming", op["NATS_SUBJECT"]);
        Assert.Equal("/etc/nats/nats.creds", op["NATS_CREDENTIAL_FILE"]);
        Assert.Equal(RenderFixture.Namespace, op["NAMESPACE"]);
        Assert.Contains(set.Pod(RunnerComponents.Operator).Spec.Containers[0].VolumeMounts, m => m.MountPath == "/etc/nats");
    }

    [Fact]
    public void Render_Default_HasFactsServices()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        Assert.Equal((80, "http"), PortOf(set.Single<V1Service>("agent-manager")));
        Assert.Equal((80, "http"), PortOf(set.Single<V1Service>("tool-manager")));
        Assert.Equal((80, "http"), PortOf(set.Single<V1Service>("kubiya-operator")));
        var dagger = set.Single<V1Service>(RunnerComponents.DaggerService);
        Assert.Equal("None", dagger.Spec.ClusterIP);
        Assert.Equal(8080, Assert.Single(dagger.Spec.Ports).Port);
        Assert.Equal(RunnerComponents.Dagger, dagger.Spec.Selector["app.kubernetes.io/name"]);
        Assert.Equal(8080, set.Pod(RunnerComponents.AgentManager).Spec.Containers[0].Ports.Single(p => p.Name == "http").ContainerPort);
        Assert.Equal(3001, set.Pod(RunnerComponents.ToolManager).Spec.Containers[0].Ports.Single(p => p.Name == "http").ContainerPort);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_EveryServiceSelectsPodsAndNamedPortsExist(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        foreach (var service in set.OfType<V1Service>())
        {
            var pods = set.Pods().Where(p => service.Spec.Selector.All(kv => p.Metadata.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)).ToList();
            var pod = Assert.Single(pods);
            var ports = pod.Spec.Containers.SelectMany(c => c.Ports ?? []).Select(p => p.Name).ToHashSet();
            Assert.All(service.Spec.Ports, p => Assert.Contains(p.TargetPort.Value, ports));
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_EveryMountedVolumeAndReferencedSecretExists(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));
        var values = RenderFixture.Variant(variant);
        var external = new[] { values.Cloud.RunnerCredentials.ExistingSecret, values.Cloud.CustomerCredentials.ExistingSecret, values.RegistryTls.ExistingSecret, "prometheus-token" }
            .Where(n => n.Length > 0).ToHashSet();
        var secrets = set.OfType<V1Secret>().Select(s => s.Metadata.Name).Concat(external).ToHashSet();
        var configMaps = set.OfType<V1ConfigMap>().Select(c => c.Metadata.Name).ToHashSet();

        foreach (var pod in set.Pods())
        {
            var volumes = (pod.Spec.Volumes ?? []).ToDictionary(v => v.Name);
            foreach (var mount in pod.AllContainers.SelectMany(c => c.VolumeMounts ?? []))
            {
                Assert.True(volumes.ContainsKey(mount.Name), $"{pod.Owner.Name}: mount of missing volume {mount.Name}");
            }

            foreach (var volume in volumes.Values)
            {
                if (volume.Secret is { } secret)
                {
                    Assert.Contains(secret.SecretName, secrets);
                }

                if (volume.ConfigMap is { } configMap)
                {
                    Assert.Contains(configMap.Name, configMaps);
                }
            }

            foreach (var env in pod.AllContainers.SelectMany(c => c.Env ?? []).Where(e => e.ValueFrom?.SecretKeyRef is not null))
            {
                Assert.Contains(env.ValueFrom.SecretKeyRef.Name, secrets);
            }
        }
    }

    [Fact]
    public void Render_Default_IsInInstallOrder()
    {
        var set = RenderFixture.Render(RenderFixture.Full);

        var phases = set.Select(m => InstallOrder.PhaseOf(m.Kind)).ToList();
        Assert.Equal(phases.Order(), phases);
        Assert.Equal("ServiceAccount", set[0].Kind);
        Assert.Equal("CronJob", set[^1].Kind);
    }

    [Theory]
    [InlineData("Bad_Name", "kubiya")]
    [InlineData("kubiya-runner", "Kubiya")]
    [InlineData("", "kubiya")]
    public void Render_InvalidReleaseOrNamespace_Throws(string release, string ns) =>
        Assert.Throws<ArgumentException>(() => RunnerRenderer.Render(RenderFixture.Default, RenderFixture.VersionOf(RenderFixture.Default), release, ns, new RenderContext(new TestSecretMaterial())));

    [Fact]
    public void Render_Sources_AreHelmTemplatePathsPerComponent()
    {
        var set = RenderFixture.Render(RenderFixture.Full);

        Assert.All(set, m => Assert.Matches("^templates/[a-z0-9-]+/[a-z0-9-]+\\.yaml$", m.Source));
        Assert.Equal("templates/tool-manager/deployment.yaml", set.Single(m => m.Kind == "Deployment" && m.Name == "tool-manager").Source);
        Assert.Equal(set.Count, set.Select(m => m.Key).Distinct().Count());
    }

    private static (int Port, string Target) PortOf(V1Service service)
    {
        var port = Assert.Single(service.Spec.Ports);
        return (port.Port, port.TargetPort.Value);
    }
}
