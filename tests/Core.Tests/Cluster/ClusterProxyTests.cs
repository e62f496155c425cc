using k8s.Exceptions;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Core.Tests.Cluster;

/// <summary>
/// A kubeconfig cluster's <c>proxy-url</c>: our client, the console's and the real kubectl all reach a TLS sandbox
/// through the same forward proxy, with and without proxy credentials.
/// </summary>
public sealed class ClusterProxyTests() : TlsSandboxTest("cluster-proxy-")
{
    [Theory]
    [InlineData(null)]
    [InlineData("ops:s3cret/+")]
    public async Task EveryClient_GoesThroughTheProxy(string? credentials)
    {
        await using var proxy = new ConnectProxy(credentials);
        var userInfo = credentials is null ? string.Empty : string.Join(':', credentials.Split(':').Select(Uri.EscapeDataString)) + "@";
        var kubeconfig = WriteKubeconfig($"http://{userInfo}{proxy.Address.Authority}");
        var target = Server.BaseAddress.Authority;

        // No context named: the proxy of the current context's cluster.
        using (var cluster = KubeCluster.FromKubeconfig(kubeconfig, null, new KubeClusterOptions { Retry = RetryPolicy.None }))
        {
            Assert.NotNull(await cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));
        }

        var (client, _) = ClusterInspector.CreateClient(kubeconfig, SandboxServer.ContextName);
        using (client as IDisposable)
        {
            Assert.StartsWith("v1.35", await ClusterInspector.GetServerVersionAsync(client, Ct), StringComparison.Ordinal);
        }

        var ours = proxy.Tunnels.Count;
        Assert.True(ours >= 2, $"{ours} tunnel(s)");
        using var tools = new ToolRunner();
        var kubectl = await tools.RunAsync("kubectl", ["get", "ns", "--request-timeout=20s"], kubeconfig: kubeconfig, cancellationToken: Ct);
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.True(proxy.Tunnels.Count > ours, "kubectl did not use the proxy");
        Assert.All(proxy.Tunnels, t => Assert.Equal(target, t));
        if (credentials is not null)
        {
            // Nothing was tunnelled without the credentials: every refused request was retried with them.
            Assert.Equal(proxy.Tunnels.Count, Server.ConnectionsAccepted);
        }
    }

    [Theory]
    [InlineData("ftp://ops:pw123@proxy.example:21", "cluster 'sandbox': proxy-url scheme 'ftp' is not supported (use http, https, socks5)")]
    [InlineData("not a url", "cluster 'sandbox': proxy-url is not a URL (not a url)")]
    [InlineData("//ops:pw123@proxy.example", "cluster 'sandbox': proxy-url is not a URL (<redacted>)")]
    public void AnUnusableProxyUrl_IsAKubeconfigError_NamingTheClusterButNotThePassword(string value, string expected)
    {
        var kubeconfig = WriteKubeconfig(value);

        var ex = Assert.Throws<KubeConfigException>(() => KubeCluster.FromKubeconfig(kubeconfig, SandboxServer.ContextName));

        Assert.Equal(expected, ex.Message);
        Assert.DoesNotContain("pw123", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Log.Entries);
    }

    [Fact]
    public async Task AProxyThatCannotBeReachedOrRefuses_IsNamedInTheError_WithoutThePassword()
    {
        var closed = LoopbackPorts.Unused();
        await using var proxy = new ConnectProxy("ops:right");

        var unreachable = await FailureAsync($"http://ops:pw123@127.0.0.1:{closed}");
        var refused = await FailureAsync($"http://ops:pw123@{proxy.Address.Authority}");

        Assert.StartsWith($"cannot reach the proxy http://127.0.0.1:{closed}/ (the cluster's proxy-url in the kubeconfig): ", unreachable.Message, StringComparison.Ordinal);
        Assert.StartsWith(
            $"the proxy http://{proxy.Address.Authority}/ (the cluster's proxy-url in the kubeconfig) did not open a tunnel to {Server.BaseAddress.Authority}: ",
            refused.Message,
            StringComparison.Ordinal);
        Assert.Contains("407", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw123", unreachable.Message + refused.Message, StringComparison.Ordinal);
        Assert.Empty(proxy.Tunnels);
    }

    [Fact]
    public void Redact_DropsTheUserInfo()
    {
        Assert.Equal("http://proxy.example:3128/", ClusterProxy.Redact("http://ops:pw@proxy.example:3128"));
        Assert.Equal("socks5://proxy.example:1080", ClusterProxy.Redact("socks5://proxy.example:1080"));
    }

    private async Task<HttpRequestException> FailureAsync(string proxyUrl)
    {
        using var cluster = KubeCluster.FromKubeconfig(WriteKubeconfig(proxyUrl), null, new KubeClusterOptions { Retry = RetryPolicy.None });
        return await Assert.ThrowsAnyAsync<HttpRequestException>(() => cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));
    }

    private string WriteKubeconfig(string proxyUrl)
    {
        var address = Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var text = Server.Kubeconfig().Replace($"server: {address}\n", $"server: {address}\n    proxy-url: \"{proxyUrl}\"\n", StringComparison.Ordinal);
        Assert.Contains("proxy-url", text, StringComparison.Ordinal);
        var path = Path.Combine(Dir, $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(path, text);
        return path;
    }
}
