using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using k8s;

namespace RunnerConsole.Core.Cluster;

/// <summary>
/// How a connection verifies the API server, as client-go (kubectl, helm) does it:
/// <list type="bullet">
/// <item>when the kubeconfig names a CA (<c>certificate-authority</c> or <c>-data</c>), exactly that CA is trusted and
/// none of the system's. KubernetesClient's own check accepts any certificate the system store trusts before it looks
/// at the kubeconfig's CA, so a certificate for the server's name from any public CA would pass; building the chain
/// with the kubeconfig's CA as the only root closes that (and the client's check then holds for the name too);</item>
/// <item>without one, the system's CAs;</item>
/// <item>over plain <c>http</c> no credentials are sent (see <see cref="Apply"/>);</item>
/// <item><c>tls-server-name</c> is the name the certificate must carry (and the SNI sent), instead of the URL's host
/// (<see cref="ServerName"/>).</item>
/// </list>
/// When a handshake fails, <see cref="DescribeFailureAsync"/> says why in the terms kubectl uses.
/// </summary>
public sealed class ServerTrust
{
    private readonly Uri _server;
    private readonly X509Certificate2Collection? _authorities;

    private ServerTrust(Uri server, string? serverName, X509Certificate2Collection? authorities)
    {
        _server = server;
        ServerName = serverName;
        _authorities = authorities;
    }

    /// <summary>
    /// Applies the rule to <paramref name="config"/>'s connection (through its first handler's TLS options). A server
    /// reached over plain <c>http</c> gets no credentials at all, as from kubectl (client-go reads a user's auth only
    /// for TLS connections): a token or password is not sent where anyone on the path can read it.
    /// </summary>
    public static ServerTrust Apply(KubernetesClientConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (new Uri(config.Host).Scheme == Uri.UriSchemeHttp)
        {
            config.AccessToken = null;
            config.TokenProvider = null;
            config.Username = null;
            config.Password = null;
            config.ClientCertificateData = null;
            config.ClientCertificateKeyData = null;
            config.ClientCertificateFilePath = null;
            config.ClientKeyFilePath = null;
        }

        var authorities = config.SkipTlsVerify || config.SslCaCerts is not { Count: > 0 } certificates ? null : certificates;
        var serverName = string.IsNullOrWhiteSpace(config.TlsServerName) ? null : config.TlsServerName.Trim();
        var previous = config.FirstMessageHandlerSetup;
        config.FirstMessageHandlerSetup = handler =>
        {
            previous?.Invoke(handler);
            if (authorities is not null)
            {
                handler.SslOptions.CertificateChainPolicy = Policy(authorities);
            }
        };
        return new ServerTrust(new Uri(config.Host), serverName, authorities);
    }

    /// <summary>
    /// The kubeconfig's <c>tls-server-name</c>, if any. A request carries it as its <c>Host</c> header, which is how .NET's
    /// handler takes the TLS server name (the handler's own target host is overwritten per request); KubernetesClient's
    /// typed calls do the same.
    /// </summary>
    public string? ServerName { get; }

    /// <summary>A chain policy whose only trust anchors are <paramref name="authorities"/>.</summary>
    public static X509ChainPolicy Policy(X509Certificate2Collection authorities)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // Kubernetes API servers publish no revocation lists; client-go does not check revocation either.
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(authorities);
        return policy;
    }

    /// <summary>
    /// Why the server's certificate is refused, found with one more handshake that only looks at it (the failed request's
    /// own exception says no more than "the remote certificate was rejected"); null when that handshake shows nothing wrong
    /// with the certificate (the failure was something else).
    /// </summary>
    public async Task<string?> DescribeFailureAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var host = ServerName ?? _server.IdnHost;
        X509Certificate2? presented = null;
        var errors = SslPolicyErrors.None;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(_server.IdnHost, _server.Port, timeout.Token);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = host,
                    CertificateChainPolicy = _authorities is null ? null : Policy(_authorities),
                    RemoteCertificateValidationCallback = (_, certificate, _, policyErrors) =>
                    {
                        presented = certificate is null ? null : new X509Certificate2(certificate);
                        errors = policyErrors;
                        return false;
                    },
                },
                timeout.Token);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Refused by the callback above (the expected end), or the server went away: what was seen is all there is.
        }

        using var certificate = presented;
        return Reasons(certificate, errors, host, time.GetUtcNow()) is { Count: > 0 } reasons
            ? $"TLS handshake with {_server.Authority} failed: {string.Join("; ", reasons)}"
            : null;
    }

    private List<string> Reasons(X509Certificate2? certificate, SslPolicyErrors errors, string host, DateTimeOffset now)
    {
        var reasons = new List<string>();
        if (certificate is null)
        {
            if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            {
                reasons.Add("the server presented no certificate");
            }

            return reasons;
        }

        if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
        {
            reasons.Add($"the server's certificate expired at {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        }
        else if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            reasons.Add($"the server's certificate is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC (check this machine's clock)");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            var names = Names(certificate);
            reasons.Add(names.Count == 0
                ? $"the server's certificate names no host, not {host}"
                : $"the server's certificate is valid for {string.Join(", ", names)}, not {host}"
                    + (ServerName is null ? " (a kubeconfig cluster can name the expected host with tls-server-name)" : " (the kubeconfig's tls-server-name)"));
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) && reasons.Count == 0)
        {
            var named = _authorities?.Select(a => a.Subject).Distinct(StringComparer.Ordinal).ToList() ?? [];
            reasons.Add(_authorities is null
                ? $"the server's certificate, issued by {certificate.Issuer}, is not trusted by this machine, and the kubeconfig names no certificate-authority for this cluster"
                : named.Contains(certificate.Issuer)
                    ? $"the server's certificate is signed by another CA than this cluster's certificate-authority in the kubeconfig (both are named {certificate.Issuer}); a rebuilt cluster has a new CA: fetch its kubeconfig again"
                    : $"the server's certificate, issued by {certificate.Issuer}, is not signed by this cluster's certificate-authority in the kubeconfig ({string.Join("; ", named)})");
        }

        return reasons;
    }

    private static List<string> Names(X509Certificate2 certificate)
    {
        var names = new List<string>();
        if (certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault() is { } san)
        {
            names.AddRange(san.EnumerateDnsNames());
            names.AddRange(san.EnumerateIPAddresses().Select(ip => ip.ToString()));
        }

        return names;
    }
}
