using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Faults;

namespace RunnerConsole.Core.Tests.Cluster;

/// <summary>
/// Our client against a TLS sandbox, as against a real API server: it verifies the kubeconfig's CA, negotiates HTTP/2
/// by ALPN, and the requests of a whole runner install (up to 64 in flight per phase) share one TLS connection.
/// </summary>
public sealed class TlsConnectionTests
{
    private static readonly string Values = RunnerConsole.Core.Tests.Values.TestValues.WithExistingSecrets("tls-runner");

    private const string Release = "runner";
    private const string Ns = "kubiya";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_OverTls_UsesHttp2AndOneConnectionForEveryRequest()
    {
        // Latency keeps the requests of a phase in flight together, so any connection per request would show.
        var (result, log, connections) = await InstallAsync(new SandboxOptions { Tls = true, Latency = TimeSpan.FromMilliseconds(10), ControllerDelay = TimeSpan.FromMilliseconds(20) });

        Assert.True(result.Succeeded, result.Message);
        Assert.True(log.Count > 20, $"only {log.Count} requests");
        Assert.All(log, e => Assert.Equal("HTTP/2", e.Protocol));
        Assert.Single(log.Select(e => e.ConnectionId).Distinct());
        Assert.Equal(1, connections);
    }

    [Fact]
    public async Task Install_OverPlainHttp_NeedsAConnectionPerRequestInFlight()
    {
        // The same install over plain HTTP/1.1: what the TLS test's single connection is measured against.
        var (result, log, connections) = await InstallAsync(new SandboxOptions { Latency = TimeSpan.FromMilliseconds(10), ControllerDelay = TimeSpan.FromMilliseconds(20) });

        Assert.True(result.Succeeded, result.Message);
        Assert.All(log, e => Assert.Equal("HTTP/1.1", e.Protocol));
        Assert.True(connections > 5, $"{connections} connection(s) for {log.Count} requests");
        Assert.Equal(connections, log.Select(e => e.ConnectionId).Distinct().Count());
    }

    [Fact]
    public async Task FromKubeconfig_AnotherSandboxesCa_FailsTheTlsHandshake()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false }, Ct);
        await using var other = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false }, Ct);
        var dir = Directory.CreateTempSubdirectory("tls-mismatch-").FullName;
        try
        {
            var path = Path.Combine(dir, "kubeconfig");
            await File.WriteAllTextAsync(path, other.Kubeconfig().Replace(
                other.BaseAddress.GetLeftPart(UriPartial.Authority), server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal), Ct);
            using var cluster = KubeCluster.FromKubeconfig(path, SandboxServer.ContextName, new KubeClusterOptions { Retry = RetryPolicy.None });

            var ex = await Assert.ThrowsAnyAsync<HttpRequestException>(() => cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));

            // Said as kubectl would (it says "x509: certificate signed by unknown authority"), not "see inner exception".
            Assert.Equal(
                $"TLS handshake with {server.BaseAddress.Authority} failed: the server's certificate is signed by another CA than this cluster's "
                + "certificate-authority in the kubeconfig (both are named CN=runner-console sandbox CA, O=runner-console); a rebuilt cluster has a new CA: fetch its kubeconfig again",
                ex.Message);
            Assert.Equal(HttpRequestError.SecureConnectionError, ex.HttpRequestError);
            Assert.Empty(server.Log.Entries);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("localhost", null)]
    [InlineData("wrong.example", "the server's certificate is valid for localhost, 127.0.0.1, ::1, not wrong.example (the kubeconfig's tls-server-name)")]
    public async Task TlsServerName_IsTheNameTheCertificateMustCarry(string serverName, string? refusal)
    {
        // The URL names 127.0.0.1 (on the certificate); tls-server-name replaces it for the check, as in client-go.
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false }, Ct);
        var dir = Directory.CreateTempSubdirectory("tls-server-name-").FullName;
        try
        {
            var path = Path.Combine(dir, "kubeconfig");
            var address = server.BaseAddress.GetLeftPart(UriPartial.Authority);
            await File.WriteAllTextAsync(path, server.Kubeconfig().Replace($"server: {address}\n", $"server: {address}\n    tls-server-name: {serverName}\n", StringComparison.Ordinal), Ct);
            Assert.Contains("tls-server-name", await File.ReadAllTextAsync(path, Ct), StringComparison.Ordinal);
            using var cluster = KubeCluster.FromKubeconfig(path, SandboxServer.ContextName, new KubeClusterOptions { Retry = RetryPolicy.None });

            if (refusal is null)
            {
                Assert.NotNull(await cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));
                return;
            }

            var ex = await Assert.ThrowsAnyAsync<HttpRequestException>(() => cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));
            Assert.Equal($"TLS handshake with {server.BaseAddress.Authority} failed: {refusal}", ex.Message);
            Assert.Empty(server.Log.Entries);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(OperationResult Result, IReadOnlyList<RequestLogEntry> Log, int Connections)> InstallAsync(SandboxOptions sandboxOptions)
    {
        await using var server = await SandboxServer.StartAsync(sandboxOptions, Ct);
        var dir = Directory.CreateTempSubdirectory("tls-install-").FullName;
        try
        {
            var path = server.WriteKubeconfig(Path.Combine(dir, "kubeconfig"));
            using var cluster = KubeCluster.FromKubeconfig(path, SandboxServer.ContextName, new KubeClusterOptions { RequestTimeout = TimeSpan.FromSeconds(15) });
            var context = new OperationContext(cluster);
            // As the CLI does: history and namespace read while the values render.
            context.Prefetch(Release, Ns, withNamespace: true, Ct);
            var input = await ReleaseInputs.FromValuesAsync(Values, "1.1.0", Release, Ns, cluster, TimeProvider.System, Ct);
            var request = input.Request ?? throw new InvalidOperationException(string.Join("; ", input.Errors));
            var options = new OperationOptions { Operator = "tls-test", Timeout = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromMilliseconds(50) };
            var result = await new InstallOperation(context).RunAsync(request with { CreateNamespace = true }, options, null, Ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"{server.Log.Count()} requests, {server.ConnectionsAccepted} connection(s), protocols {string.Join(", ", server.Log.Entries.Select(e => e.Protocol).Distinct())}");
            return (result, server.Log.Entries, server.ConnectionsAccepted);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
