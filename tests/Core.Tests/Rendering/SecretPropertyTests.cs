using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>Secrets come only from typed-in values; existing Secrets are referenced, never rendered; the TLS pair is per install.</summary>
public sealed class SecretPropertyTests
{
    [Fact]
    public void Render_CredentialValues_RendersOwnedSecretsThePodsMount()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        var runner = set.Single<V1Secret>($"{RenderFixture.Release}-nats-runner-creds");
        var customer = set.Single<V1Secret>($"{RenderFixture.Release}-nats-customer-creds");
        Assert.Equal("test-runner-credentials-placeholder", Encoding.UTF8.GetString(runner.Data["nats.creds"]));
        Assert.Equal("test-customer-credentials-placeholder", Encoding.UTF8.GetString(customer.Data["nats.creds"]));
        Assert.Equal(runner.Metadata.Name, NatsVolume(set, RunnerComponents.Operator).SecretName);
        Assert.Equal(customer.Metadata.Name, NatsVolume(set, RunnerComponents.AgentManager).SecretName);
        Assert.Equal(customer.Metadata.Name, NatsVolume(set, RunnerComponents.ToolManager).SecretName);
    }

    [Fact]
    public void Render_ExistingCredentialSecret_ReferencesItAndRendersNone()
    {
        var set = RenderFixture.Render(RenderFixture.Full);

        Assert.DoesNotContain(set, m => m.Name == $"{RenderFixture.Release}-nats-runner-creds");
        var volume = NatsVolume(set, RunnerComponents.Operator);
        Assert.Equal("kubiya-runner-nats", volume.SecretName);
        Assert.Equal("runner.creds", Assert.Single(volume.Items).Key);
        Assert.DoesNotContain(set.OfType<V1Secret>(), s => s.Metadata.Name == "kubiya-runner-nats");
    }

    [Theory]
    [InlineData("full", "REMOTE_WRITE_CLIENT_SECRET", "clientSecret", "test-oauth2-client-secret-placeholder")]
    [InlineData("basic-auth", "REMOTE_WRITE_PASSWORD", "password", "test-basic-password-placeholder")]
    public void Render_RemoteWriteSecretValue_RendersSecretReadThroughEnv(string variant, string env, string key, string value)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        var secret = set.Single<V1Secret>($"{RenderFixture.Release}-remote-write-auth");
        Assert.Equal(value, Encoding.UTF8.GetString(secret.Data[key]));
        var envVar = set.Pod(RunnerComponents.OtelCollector).Spec.Containers[0].Env.Single(e => e.Name == env);
        Assert.Equal(secret.Metadata.Name, envVar.ValueFrom.SecretKeyRef.Name);
        Assert.Equal(key, envVar.ValueFrom.SecretKeyRef.Key);
        Assert.DoesNotContain(value, set.Single<V1ConfigMap>(RunnerComponents.OtelCollector).Data["config.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RemoteWriteExistingSecret_ReferencesItAndRendersNone()
    {
        var set = RenderFixture.Render(RenderFixture.Variant("bearer-existing"));

        Assert.DoesNotContain(set, m => m.Name == $"{RenderFixture.Release}-remote-write-auth");
        var envVar = set.Pod(RunnerComponents.OtelCollector).Spec.Containers[0].Env.Single(e => e.Name == "REMOTE_WRITE_TOKEN");
        Assert.Equal("prometheus-token", envVar.ValueFrom.SecretKeyRef.Name);
        Assert.Equal("tok", envVar.ValueFrom.SecretKeyRef.Key);
    }

    [Fact]
    public void Render_NoRegistryTlsSecretGiven_RendersGeneratedTlsSecretMarkedPerInstall()
    {
        var material = new TestSecretMaterial();
        var set = RunnerRenderer.Render(RenderFixture.Default, RenderFixture.VersionOf(RenderFixture.Default), RenderFixture.Release, RenderFixture.Namespace, new RenderContext(material));

        var tls = set.Single<V1Secret>($"{RenderFixture.Release}-registry-tls");
        Assert.Equal("kubernetes.io/tls", tls.Type);
        Assert.Equal("per-install", tls.Metadata.Annotations["runner-console.kubiya.ai/generated"]);
        Assert.StartsWith("test-private-key-placeholder", Encoding.ASCII.GetString(tls.Data["tls.key"]), StringComparison.Ordinal);
        Assert.Equal(1, material.Requests);
    }

    [Fact]
    public void Render_ExistingRegistryTlsSecret_ReferencesItAndAsksForNoMaterial()
    {
        var material = new TestSecretMaterial();
        var values = RenderFixture.Default with { RegistryTls = new RegistryTlsValues { ExistingSecret = "my-registry-tls" } };
        var set = RunnerRenderer.Render(values, RenderFixture.VersionOf(values), RenderFixture.Release, RenderFixture.Namespace, new RenderContext(material));

        Assert.DoesNotContain(set.OfType<V1Secret>(), s => s.Type == "kubernetes.io/tls");
        Assert.Equal(0, material.Requests);
        Assert.Equal("my-registry-tls", set.Pod(RunnerComponents.Dagger).Spec.Volumes.Single(v => v.Name == "registry-tls").Secret.SecretName);
        Assert.Equal("my-registry-tls", set.Pod(RunnerComponents.ToolManager).Spec.Volumes.Single(v => v.Name == "registry-ca").Secret.SecretName);
    }

    [Fact]
    public void Render_ToolManager_MountsOnlyTheRegistryCertificateNotTheKey()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        var volume = set.Pod(RunnerComponents.ToolManager).Spec.Volumes.Single(v => v.Secret?.SecretName == $"{RenderFixture.Release}-registry-tls");
        Assert.Equal(["tls.crt"], volume.Secret.Items.Select(i => i.Key));
    }

    [Fact]
    public void SelfSignedRegistryTls_Request_IssuesP256CertificateForRegistryNames()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var source = new SelfSignedRegistryTls(time);
        var set = RunnerRenderer.Render(RenderFixture.Default, RenderFixture.VersionOf(RenderFixture.Default), RenderFixture.Release, RenderFixture.Namespace, new RenderContext(source));
        var tls = set.Single<V1Secret>($"{RenderFixture.Release}-registry-tls");

        using var certificate = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(tls.Data["tls.crt"]), Encoding.ASCII.GetString(tls.Data["tls.key"]));
        Assert.True(certificate.HasPrivateKey);
        using var key = certificate.GetECDsaPublicKey();
        Assert.NotNull(key);
        Assert.Equal(256, key.KeySize);
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToList();
        Assert.Contains($"registry.{RenderFixture.Namespace}.svc", san);
        Assert.Contains($"dagger-engine-service.{RenderFixture.Namespace}.svc", san);
        Assert.True(certificate.NotBefore.ToUniversalTime() <= time.GetUtcNow().UtcDateTime);
        Assert.True(certificate.NotAfter.ToUniversalTime() > time.GetUtcNow().UtcDateTime.AddYears(1));
    }

    [Fact]
    public void SelfSignedRegistryTls_SameInstanceTwice_KeepsPairAndNewInstanceRotatesIt()
    {
        var request = new RegistryTlsRequest("ns", "r-registry-tls", ["registry.ns.svc"]);
        var source = new SelfSignedRegistryTls(TimeProvider.System);

        var first = source.GetRegistryTls(request);
        var again = source.GetRegistryTls(request);
        var other = new SelfSignedRegistryTls(TimeProvider.System).GetRegistryTls(request);

        Assert.Same(first, again);
        Assert.NotEqual(first.PrivateKeyPem, other.PrivateKeyPem);
        Assert.DoesNotContain("PRIVATE", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RepositoryTestData_ContainsNoPrivateKeyPem()
    {
        var marker = "PRIVATE " + "KEY-----";
        foreach (var file in Directory.EnumerateFiles(GoldenTests.SourceDirectory(), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(marker, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    private static V1SecretVolumeSource NatsVolume(Core.Rendering.ManifestSet set, string owner) =>
        set.Pod(owner).Spec.Volumes.Single(v => v.Name == "nats-creds").Secret;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
