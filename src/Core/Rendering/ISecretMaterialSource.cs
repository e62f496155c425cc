namespace RunnerConsole.Core.Rendering;

/// <summary>
/// Supplies secret material the renderer must not invent itself (the registry TLS key pair), so that rendering stays a
/// pure function: fresh per install (<see cref="SelfSignedRegistryTls"/>), the live pair on upgrade
/// (<see cref="ExistingRegistryTls"/>), or fixed placeholders in tests.
/// </summary>
public interface ISecretMaterialSource
{
    /// <summary>The certificate and key for the registry TLS Secret described by <paramref name="request"/>.</summary>
    RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request);
}

/// <summary>What the registry certificate must cover.</summary>
public sealed record RegistryTlsRequest(string Namespace, string SecretName, IReadOnlyList<string> DnsNames);

/// <summary>PEM-encoded certificate and private key. Never printed: <see cref="ToString"/> hides the content.</summary>
public sealed record RegistryTlsMaterial(byte[] CertificatePem, byte[] PrivateKeyPem)
{
    public override string ToString() => $"RegistryTlsMaterial {{ certificate {CertificatePem.Length} bytes, key <redacted> }}";
}
