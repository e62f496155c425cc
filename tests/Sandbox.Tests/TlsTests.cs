using System.Security.Cryptography.X509Certificates;
using k8s;

namespace RunnerConsole.Sandbox.Tests;

/// <summary>
/// A TLS sandbox (<see cref="SandboxOptions.Tls"/>): the real kubectl and helm, and KubernetesClient, verify its
/// generated CA from the kubeconfig it writes and talk HTTP/2 to it, as they do to a real API server.
/// </summary>
public sealed class TlsTests(ToolsFixture tools) : IClassFixture<ToolsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SandboxOptions TlsOptions => new() { Tls = true, ControllerDelay = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task Kubeconfig_names_an_https_server_and_carries_the_CA_that_signed_the_server_certificate()
    {
        await using var s = await SandboxSession.StartAsync(tools, TlsOptions);

        Assert.True(s.Server.Tls);
        Assert.Equal("https", s.Server.BaseAddress.Scheme);
        var kubeconfig = await File.ReadAllTextAsync(s.Kubeconfig, Ct);
        Assert.Contains($"server: https://127.0.0.1:{s.Server.BaseAddress.Port}\n", kubeconfig, StringComparison.Ordinal);
        Assert.DoesNotContain("insecure-skip-tls-verify", kubeconfig, StringComparison.Ordinal);
        var caData = kubeconfig.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("certificate-authority-data: ", StringComparison.Ordinal));
        var caPem = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(caData["certificate-authority-data: ".Length..]));
        Assert.Equal(s.Server.CertificateAuthorityPem, caPem);

        // What the server presents chains to that CA, names the listen address, and is not a CA itself.
        using var ca = X509Certificate2.CreateFromPem(caPem);
        using var presented = await PresentedCertificateAsync(s.Server.BaseAddress);
        Assert.Equal(ca.Subject, presented.Issuer);
        Assert.Contains("127.0.0.1", SubjectAlternativeNames(presented));
        Assert.Contains("localhost", SubjectAlternativeNames(presented));
        Assert.False(presented.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(presented), string.Join("; ", chain.ChainStatus.Select(c => c.StatusInformation)));
    }

    [Fact]
    public async Task Kubectl_and_helm_verify_the_CA_and_speak_HTTP2()
    {
        await using var s = await SandboxSession.StartAsync(tools, TlsOptions);

        (await s.Kubectl("version")).Ok().Shows("Server Version: v1.35.0");
        (await s.Kubectl("get", "ns")).Ok().Shows("kube-system").Shows("Active");
        (await s.Kubectl("create", "configmap", "settings", "--from-literal=k=v")).Ok();
        (await s.Helm("list", "-A")).Ok().Shows("NAME");

        var log = s.Server.Log.Entries;
        Assert.Contains(log, e => e.UserAgent.StartsWith("kubectl", StringComparison.Ordinal));
        Assert.Contains(log, e => e.UserAgent.StartsWith("helm", StringComparison.OrdinalIgnoreCase) || e.UserAgent.Contains("Helm", StringComparison.Ordinal));
        Assert.All(log, e => Assert.Equal("HTTP/2", e.Protocol));
        Assert.NotNull(s.Server.GetObject("", "configmaps", "default", "settings"));
    }

    [Fact]
    public async Task Kubectl_refuses_a_sandbox_whose_certificate_another_CA_signed()
    {
        await using var s = await SandboxSession.StartAsync(tools, TlsOptions);
        await using var other = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false }, Ct);
        // The other sandbox's CA, this sandbox's address: verification must fail, not fall back to trusting it.
        var mismatched = other.Kubeconfig().Replace(other.BaseAddress.GetLeftPart(UriPartial.Authority), s.Server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        var path = Path.Combine(tools.Runner.Home, $"kubeconfig-mismatch-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, mismatched, Ct);

        var result = await tools.Runner.RunAsync("kubectl", ["get", "ns", "--request-timeout=20s"], kubeconfig: path, cancellationToken: Ct);

        result.Fails().Shows("certificate signed by unknown authority");
        Assert.DoesNotContain(s.Server.Log.Entries, e => e.UserAgent.StartsWith("kubectl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KubernetesClient_verifies_the_CA_and_shares_one_HTTP2_connection_among_parallel_requests()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false, Latency = TimeSpan.FromMilliseconds(20) }, Ct);
        var path = server.WriteKubeconfig(Path.Combine(tools.Runner.Home, $"kubeconfig-client-{Guid.NewGuid():N}"));
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: SandboxServer.ContextName);
        using var client = new Kubernetes(config);
        Assert.Equal(0, server.ConnectionsAccepted);

        // The generated client asks for HTTP/1.1; HTTP/2 is what a raw request for it negotiates (as KubeCluster sends).
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "api/v1/namespaces"))
            {
                Version = System.Net.HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            };
            await client.Credentials!.ProcessHttpRequestAsync(request, Ct);
            using var response = await client.HttpClient.SendAsync(request, Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, response.Version.Major);
        }));

        Assert.Equal(16, server.Log.Count(e => e.Protocol == "HTTP/2"));
        Assert.Single(server.Log.Entries.Select(e => e.ConnectionId).Distinct());
        Assert.Equal(1, server.ConnectionsAccepted);
    }

    [Fact]
    public async Task Plain_http_stays_the_default_and_parallel_HTTP1_requests_open_several_connections()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { EnableControllers = false, Latency = TimeSpan.FromMilliseconds(50) }, Ct);
        Assert.False(server.Tls);
        Assert.Null(server.CertificateAuthorityPem);
        Assert.Equal("http", server.BaseAddress.Scheme);
        Assert.DoesNotContain("certificate-authority", server.Kubeconfig(), StringComparison.Ordinal);

        using var http = new HttpClient();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "api/v1/namespaces"))
            {
                Version = System.Net.HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            };
            using var response = await http.SendAsync(request, Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }));

        Assert.All(server.Log.Entries, e => Assert.Equal("HTTP/1.1", e.Protocol));
        // Four requests in flight at once over HTTP/1.1 need four connections: the counter sees each one.
        Assert.Equal(4, server.ConnectionsAccepted);
        Assert.Equal(4, server.Log.Entries.Select(e => e.ConnectionId).Distinct().Count());
    }

    [Fact]
    public async Task Kubectl_trusts_only_the_kubeconfigs_CA_when_it_names_one_and_the_system_store_when_not()
    {
        // The reference for our own client (ServerTrustCliTests): the machine's store (SSL_CERT_FILE) trusts the
        // server's CA in every case here.
        await using var s = await SandboxSession.StartAsync(tools, TlsOptions);
        await using var other = await SandboxServer.StartAsync(TlsOptions, Ct);
        var dir = Directory.CreateTempSubdirectory("kubectl-trust-").FullName;
        try
        {
            var store = Path.Combine(dir, "server-ca.pem");
            await File.WriteAllTextAsync(store, s.Server.CertificateAuthorityPem, Ct);
            var address = s.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
            var otherCa = Path.Combine(dir, "other-ca");
            await File.WriteAllTextAsync(otherCa, other.Kubeconfig().Replace(other.BaseAddress.GetLeftPart(UriPartial.Authority), address, StringComparison.Ordinal), Ct);
            var noCa = Path.Combine(dir, "no-ca");
            await File.WriteAllLinesAsync(noCa, (await File.ReadAllLinesAsync(s.Kubeconfig, Ct)).Where(l => !l.TrimStart().StartsWith("certificate-authority-data:", StringComparison.Ordinal)), Ct);

            (await KubectlTrusting(store, otherCa, dir)).Fails().Shows("x509: certificate signed by unknown authority");
            (await KubectlTrusting(store, noCa, dir)).Ok().Shows("kube-system");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private Task<RunnerConsole.Sandbox.Tooling.ToolResult> KubectlTrusting(string store, string kubeconfig, string dir)
    {
        var environment = new Dictionary<string, string>(tools.Runner.ToolEnvironment(kubeconfig))
        {
            ["SSL_CERT_FILE"] = store,
            ["SSL_CERT_DIR"] = Directory.CreateDirectory(Path.Combine(dir, "no-certs")).FullName,
        };
        return RunnerConsole.Sandbox.Tooling.ToolRunner.RunProcessAsync(
            RunnerConsole.Sandbox.Tooling.ExternalTools.Require("kubectl"), ["get", "ns", "--request-timeout=20s"], environment, null, TimeSpan.FromSeconds(60), dir, Ct);
    }

    private static async Task<X509Certificate2> PresentedCertificateAsync(Uri address)
    {
        X509Certificate2? presented = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            presented ??= X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData());
            return true;
        };
        using var http = new HttpClient(handler);
        using var response = await http.GetAsync(new Uri(address, "version"), Ct);
        return presented ?? throw new InvalidOperationException("no certificate presented");
    }

    private static IEnumerable<string> SubjectAlternativeNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateIPAddresses().Select(ip => ip.ToString()).Concat(e.EnumerateDnsNames()));
}
