using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Core.Tests.Cluster;

/// <summary>
/// A kubeconfig user whose token comes from an exec plugin (how EKS, GKE and AKS kubeconfigs authenticate): our client,
/// the console's and the real kubectl run the plugin and send its token to a sandbox that requires it.
/// </summary>
public sealed class ExecCredentialTests() : TlsSandboxTest("exec-credential-", requireToken: true)
{
    [Fact]
    public async Task ThePluginsToken_IsSentByEveryClient()
    {
        var kubeconfig = WriteKubeconfig(Server.Token);

        using (var cluster = KubeCluster.FromKubeconfig(kubeconfig, null, new KubeClusterOptions { Retry = RetryPolicy.None }))
        {
            Assert.NotNull(await cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));
        }

        var (client, _) = ClusterInspector.CreateClient(kubeconfig, SandboxServer.ContextName);
        using (client as IDisposable)
        {
            Assert.NotEmpty(await ClusterInspector.ListNamespacesAsync(client, Ct));
        }

        using var tools = new ToolRunner();
        var kubectl = await tools.RunAsync("kubectl", ["get", "ns", "--request-timeout=20s"], kubeconfig: kubeconfig, cancellationToken: Ct);
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.DoesNotContain(Server.Log.Entries, e => e.Status == 401);
        Assert.True(File.ReadAllLines(Path.Combine(Dir, "calls")).Length >= 3, "the plugin ran for each client");
    }

    [Fact]
    public async Task AWrongToken_IsRefusedAsUnauthorized_ByTheServerAsToKubectl()
    {
        var kubeconfig = WriteKubeconfig("expired-token");

        using var cluster = KubeCluster.FromKubeconfig(kubeconfig, null, new KubeClusterOptions { Retry = RetryPolicy.None });
        var ex = await Assert.ThrowsAsync<KubeApiException>(() => cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.Status);
        Assert.Equal("namespace/default: the API server refused the kubeconfig user's credentials (401 Unauthorized: Unauthorized); log in again or renew the token", ex.Message);
        var (client, _) = ClusterInspector.CreateClient(kubeconfig, SandboxServer.ContextName);
        using (client as IDisposable)
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => ClusterInspector.GetServerVersionAsync(client, Ct));
            Assert.Equal(
                "the API server refused the kubeconfig user's credentials (401 Unauthorized: Unauthorized); log in again or renew the token",
                ClusterInspector.Describe(refused));
        }

        using var tools = new ToolRunner();
        var kubectl = await tools.RunAsync("kubectl", ["get", "ns", "--request-timeout=20s"], kubeconfig: kubeconfig, cancellationToken: Ct);
        Assert.NotEqual(0, kubectl.ExitCode);
        Assert.True(kubectl.Output.Contains("You must be logged in to the server", StringComparison.Ordinal), kubectl.ToString());
    }

    [Fact]
    public async Task OverPlainHttp_NoCredentialIsSent_AsKubectlSendsNone()
    {
        // The same token-requiring server without TLS: a token would cross the network readable, so no client sends it.
        await using var plain = await SandboxServer.StartAsync(new SandboxOptions { EnableControllers = false, RequireToken = true }, Ct);
        var kubeconfig = plain.WriteKubeconfig(Path.Combine(Dir, "plain-kubeconfig"));
        Assert.Contains($"token: {plain.Token}", File.ReadAllText(kubeconfig), StringComparison.Ordinal);

        using var cluster = KubeCluster.FromKubeconfig(kubeconfig, null, new KubeClusterOptions { Retry = RetryPolicy.None });
        var ours = await Assert.ThrowsAsync<KubeApiException>(() => cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));
        var (client, _) = ClusterInspector.CreateClient(kubeconfig, SandboxServer.ContextName);
        using (client as IDisposable)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ClusterInspector.GetServerVersionAsync(client, Ct));
        }

        using var tools = new ToolRunner();
        var kubectl = await tools.RunAsync("kubectl", ["get", "ns", "--request-timeout=20s"], kubeconfig: kubeconfig, cancellationToken: Ct);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ours.Status);
        Assert.True(kubectl.ExitCode != 0 && kubectl.Output.Contains("You must be logged in to the server", StringComparison.Ordinal), kubectl.ToString());
        Assert.All(plain.Log.Entries, e => Assert.Equal(401, e.Status));
    }

    // A plugin as cloud CLIs ship them: an executable that prints an ExecCredential with the token.
    private string WriteKubeconfig(string token)
    {
        var plugin = Path.Combine(Dir, "get-token");
        File.WriteAllText(plugin, $"#!/bin/sh\necho called >> '{Path.Combine(Dir, "calls")}'\nprintf '{{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{{\"token\":\"%s\"}}}}' \"$TOKEN\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var user = $"""
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: {plugin}
                  env:
                  - name: TOKEN
                    value: {token}
                  interactiveMode: Never
            """;
        var text = Server.Kubeconfig().Replace($"  user:\n    token: {Server.Token}\n", user.Replace("      user:", "  user:", StringComparison.Ordinal) + "\n", StringComparison.Ordinal);
        Assert.Contains("interactiveMode", text, StringComparison.Ordinal);
        var path = Path.Combine(Dir, $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(path, text);
        return path;
    }
}
