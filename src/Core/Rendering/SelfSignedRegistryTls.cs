using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RunnerConsole.Core.Rendering;

/// <summary>
/// Generates a fresh ECDSA P-256 key pair and a self-signed certificate for the registry, once per instance: one
/// instance per install, so a preview and the apply that follows it render the same pair.
/// </summary>
public sealed class SelfSignedRegistryTls(TimeProvider time) : ISecretMaterialSource
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650);
    private readonly Lock _gate = new();
    private (RegistryTlsRequest Request, RegistryTlsMaterial Material)? _issued;

    public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request)
    {
        lock (_gate)
        {
            if (_issued is { } issued && issued.Request.Namespace == request.Namespace && issued.Request.DnsNames.SequenceEqual(request.DnsNames))
            {
                return issued.Material;
            }

            var material = Issue(request);
            _issued = (request, material);
            return material;
        }
    }

    private RegistryTlsMaterial Issue(RegistryTlsRequest request)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName($"CN={request.DnsNames[0]}");
        var csr = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in request.DnsNames)
        {
            san.AddDnsName(name);
        }

        csr.CertificateExtensions.Add(san.Build());
        csr.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        csr.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        csr.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));

        // Backdated a little so a node whose clock runs slightly behind still accepts it.
        var now = time.GetUtcNow();
        using var certificate = csr.CreateSelfSigned(now.AddMinutes(-5), now.Add(Validity));
        return new RegistryTlsMaterial(
            Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n"),
            Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n"));
    }
}
