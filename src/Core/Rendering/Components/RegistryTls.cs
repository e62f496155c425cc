using k8s.Models;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>
/// TLS Secret of the in-namespace registry (served by the dagger engine, trusted by tool-manager): a reference to an
/// existing Secret, or a pair generated for this install by the context's secret material source — never a fixed pair.
/// </summary>
internal static class RegistryTls
{
    public static string SecretName(RenderScope s) =>
        s.Values.RegistryTls.ExistingSecret.Length > 0 ? s.Values.RegistryTls.ExistingSecret : s.Derived("registry-tls");

    /// <summary>Names the certificate covers: the registry name the tools use and the engine Service.</summary>
    public static IReadOnlyList<string> DnsNames(RenderScope s) =>
    [
        $"registry.{s.Namespace}.svc",
        $"registry.{s.Namespace}.svc.cluster.local",
        s.ServiceHost(RunnerComponents.DaggerService),
        $"{s.ServiceHost(RunnerComponents.DaggerService)}.cluster.local",
    ];

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        // Only the registry (dagger) and its client (tool-manager) use it; without dagger there is nothing to serve.
        if (!s.DaggerEnabled || s.Values.RegistryTls.ExistingSecret.Length > 0)
        {
            yield break;
        }

        var name = SecretName(s);
        var material = s.Context.SecretMaterial.GetRegistryTls(new RegistryTlsRequest(s.Namespace, name, DnsNames(s)));
        var meta = s.Meta(name, RunnerComponents.Dagger, "engine");
        meta.Annotations[RenderAnnotations.Generated] = RenderAnnotations.GeneratedPerInstall;
        yield return new Manifest("templates/secrets/registry-tls.yaml", new V1Secret
        {
            ApiVersion = "v1",
            Kind = V1Secret.KubeKind,
            Metadata = meta,
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = material.CertificatePem,
                ["tls.key"] = material.PrivateKeyPem,
            },
        });
    }
}
