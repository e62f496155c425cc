using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RunnerConsole.Sandbox;

/// <summary>
/// The certificates of a TLS sandbox, made at start and never stored: a certificate authority (ECDSA P-256, the
/// kubeconfig's <c>certificate-authority-data</c>) and the server certificate it signs (ECDSA P-256, serverAuth, SAN =
/// the listen address, 127.0.0.1, ::1 and localhost), as kubeadm lays out a cluster's CA and API server certificate.
/// </summary>
internal sealed class SandboxCertificate : IDisposable
{
    private SandboxCertificate(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA certificate (public part only): what clients trust.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key: what Kestrel presents.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The CA certificate as PEM, as kubeconfigs carry it (base64-encoded again in <c>certificate-authority-data</c>).</summary>
    public string AuthorityPem => Authority.ExportCertificatePem() + "\n";

    /// <summary>Makes a CA and a server certificate valid from an hour ago for a year (wall clock: TLS clients check it).</summary>
    public static SandboxCertificate Create(IPAddress listenAddress)
    {
        var now = DateTimeOffset.UtcNow;
        var notBefore = now.AddHours(-1);
        var notAfter = now.AddYears(1);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=runner-console sandbox CA, O=runner-console", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        using var caWithKey = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=runner-console-sandbox", serverKey, HashAlgorithmName.SHA256);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        serverRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(serverRequest.PublicKey, critical: false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(caWithKey, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        foreach (var ip in new[] { listenAddress, IPAddress.Loopback, IPAddress.IPv6Loopback }.Distinct())
        {
            names.AddIpAddress(ip);
        }

        serverRequest.CertificateExtensions.Add(names.Build(critical: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number, as RFC 5280 asks
        using var signed = serverRequest.Create(caWithKey, notBefore, notAfter, serial);
        var server = signed.CopyWithPrivateKey(serverKey);
        if (OperatingSystem.IsWindows())
        {
            // SChannel cannot use an ephemeral key: round-trip through PKCS#12 to give the key a container.
            var ephemeral = server;
            server = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
            ephemeral.Dispose();
        }

        return new SandboxCertificate(X509CertificateLoader.LoadCertificate(caWithKey.RawData), server);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
