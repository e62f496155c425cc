using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Core.Tests.Cluster;

/// <summary>
/// A kubeconfig user with <c>as</c> and <c>as-groups</c>: our client, the console's and the real kubectl all ask the
/// server to act as that identity, with the same headers (the sandbox logs them).
/// </summary>
public sealed class ImpersonationTests() : TlsSandboxTest("impersonation-")
{
    [Fact]
    public async Task EveryClient_ActsAsTheKubeconfigSays()
    {
        var kubeconfig = Path.Combine(Dir, "kubeconfig");
        File.WriteAllText(kubeconfig, Server.Kubeconfig().Replace(
            $"    token: {Server.Token}\n", $"    token: {Server.Token}\n    as: jane@example.com\n    as-groups:\n    - release-managers\n", StringComparison.Ordinal));
        Assert.Contains("as-groups", File.ReadAllText(kubeconfig), StringComparison.Ordinal);

        using (var cluster = KubeCluster.FromKubeconfig(kubeconfig, null, new KubeClusterOptions { Retry = RetryPolicy.None }))
        {
            Assert.NotNull(await cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));
        }

        var (client, _) = ClusterInspector.CreateClient(kubeconfig, SandboxServer.ContextName);
        using (client as IDisposable)
        {
            Assert.NotEmpty(await ClusterInspector.ListNamespacesAsync(client, Ct));
        }

        var ours = Server.Log.Entries.Select(e => (e.UserAgent, e.Impersonation)).ToList();
        using var tools = new ToolRunner();
        var kubectl = await tools.RunAsync("kubectl", ["get", "ns", "--request-timeout=20s"], kubeconfig: kubeconfig, cancellationToken: Ct);
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());

        var fromKubectl = Server.Log.Entries.Skip(ours.Count).Where(e => e.UserAgent.StartsWith("kubectl", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fromKubectl);
        const string Expected = "jane@example.com; groups release-managers";
        Assert.All(fromKubectl, e => Assert.Equal(Expected, e.Impersonation));
        Assert.All(ours, e => Assert.Equal(Expected, e.Impersonation));
        Assert.True(ours.Count >= 2);
    }

    [Fact]
    public void SeveralGroups_AreRefused_RatherThanSentAsOneGroup()
    {
        var kubeconfig = Path.Combine(Dir, "groups");
        File.WriteAllText(kubeconfig, Server.Kubeconfig().Replace(
            $"    token: {Server.Token}\n", $"    token: {Server.Token}\n    as: jane\n    as-groups: [ops, dev]\n", StringComparison.Ordinal));

        var ex = Assert.Throws<k8s.Exceptions.KubeConfigException>(() => KubeCluster.FromKubeconfig(kubeconfig, null));

        Assert.StartsWith("user 'sandbox': as-groups names 2 groups; this client can ask for one only", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Log.Entries);
    }

    [Fact]
    public void AUserWithoutImpersonation_SendsNoHeaders()
    {
        var config = KubeconfigFile.Read(Server.WriteKubeconfig(Path.Combine(Dir, "plain")));

        Assert.Null(ClusterImpersonation.Of(config, null));
    }
}
