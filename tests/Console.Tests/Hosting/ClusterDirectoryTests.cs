using Microsoft.Extensions.Logging.Abstractions;
using RunnerConsole.Hosting;

namespace RunnerConsole.Console.Tests.Hosting;

public sealed class ClusterDirectoryTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("directory-").FullName;
    private readonly SandboxHost _sandbox = new(NullLogger<SandboxHost>.Instance);

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task CheckAsync_SandboxChosen_StartsItAndReportsItsVersion()
    {
        var directory = new ClusterDirectory(new KubeconfigLocation(Path.Combine(_dir, "absent")), _sandbox, new ConsoleWebAppSettings());

        var choice = Assert.Single(directory.List());
        var check = await directory.CheckAsync(choice.Context, TestContext.Current.CancellationToken);

        Assert.True(choice.IsSandbox);
        Assert.True(check.Reachable, check.Problem);
        Assert.StartsWith("v1.35.", check.ServerVersion);
        Assert.True(_sandbox.IsRunning);
        var namespaces = await directory.ListNamespacesAsync(choice.Context, TestContext.Current.CancellationToken);
        Assert.Contains(namespaces, ns => ns.Name == "default" && ns.AllowsPrivilegedPods);
    }

    [Fact]
    public async Task CheckAsync_ServerCertificateFromAnotherCa_SaysSoAsKubectlWould()
    {
        await using var server = await Sandbox.SandboxServer.StartAsync(new Sandbox.SandboxOptions { Tls = true, EnableControllers = false }, TestContext.Current.CancellationToken);
        await using var other = await Sandbox.SandboxServer.StartAsync(new Sandbox.SandboxOptions { Tls = true, EnableControllers = false }, TestContext.Current.CancellationToken);
        var path = Path.Combine(_dir, "config");
        await File.WriteAllTextAsync(path, other.Kubeconfig().Replace(
            other.BaseAddress.GetLeftPart(UriPartial.Authority), server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var directory = new ClusterDirectory(new KubeconfigLocation(path), _sandbox, new ConsoleWebAppSettings());

        var check = await directory.CheckAsync(Sandbox.SandboxServer.ContextName, TestContext.Current.CancellationToken);

        Assert.False(check.Reachable);
        Assert.Equal(
            $"TLS handshake with {server.BaseAddress.Authority} failed: the server's certificate is signed by another CA than this cluster's certificate-authority in the kubeconfig "
            + "(both are named CN=runner-console sandbox CA, O=runner-console); a rebuilt cluster has a new CA: fetch its kubeconfig again",
            check.Problem);
        Assert.Empty(server.Log.Entries);
    }

    [Fact]
    public async Task CheckAsync_ProxyFromTheKubeconfigUnreachable_NamesTheProxyNotItsPassword()
    {
        var closed = Sandbox.Tooling.LoopbackPorts.Unused();
        var path = Path.Combine(_dir, "config");
        await File.WriteAllTextAsync(path, $$"""
            apiVersion: v1
            kind: Config
            current-context: behind-proxy
            clusters:
            - name: behind-proxy
              cluster: { server: "https://10.0.0.5:6443", proxy-url: "http://ops:pw123@127.0.0.1:{{closed}}", insecure-skip-tls-verify: true }
            users:
            - name: u
              user: { token: t }
            contexts:
            - name: behind-proxy
              context: { cluster: behind-proxy, user: u }
            """, TestContext.Current.CancellationToken);
        var directory = new ClusterDirectory(new KubeconfigLocation(path), _sandbox, new ConsoleWebAppSettings());

        var check = await directory.CheckAsync("behind-proxy", TestContext.Current.CancellationToken);

        Assert.False(check.Reachable);
        Assert.StartsWith($"cannot reach the proxy http://127.0.0.1:{closed}/ (the cluster's proxy-url in the kubeconfig): ", check.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pw123", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_UnreachableContext_ReportsReasonInsteadOfThrowing()
    {
        var path = Path.Combine(_dir, "config");
        await File.WriteAllTextAsync(path, """
            apiVersion: v1
            kind: Config
            current-context: gone
            clusters:
            - name: gone
              cluster: { server: "http://127.0.0.1:1" }
            users:
            - name: u
              user: { token: t }
            contexts:
            - name: gone
              context: { cluster: gone, user: u }
            """, TestContext.Current.CancellationToken);
        var directory = new ClusterDirectory(new KubeconfigLocation(path), _sandbox, new ConsoleWebAppSettings());

        var check = await directory.CheckAsync("gone", TestContext.Current.CancellationToken);

        Assert.False(check.Reachable);
        Assert.Contains("could not connect", check.Problem);
        Assert.DoesNotContain(directory.List(), c => c.IsSandbox);
        Assert.False(_sandbox.IsRunning);
    }

    [Fact]
    public void List_SandboxFlagWithKubeconfigContexts_OffersBoth()
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            current-context: real
            clusters: [{ name: c, cluster: { server: "https://x:6443" } }]
            users: [{ name: u, user: { token: t } }]
            contexts: [{ name: real, context: { cluster: c, user: u } }]
            """);
        var directory = new ClusterDirectory(new KubeconfigLocation(path), _sandbox, new ConsoleWebAppSettings(Sandbox: true));

        var choices = directory.List();

        Assert.Equal(["real", SandboxHost.ContextName], choices.Select(c => c.Context));
        Assert.Equal(SandboxHost.Label, choices[1].Label);
    }
}
