using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Core.Tests.Cluster;

/// <summary>
/// <c>KUBECONFIG=a:b</c>: the files merged as kubectl merges them (first definition of a name wins, the first
/// current-context, missing files skipped, paths relative to their own file), checked against the real kubectl.
/// </summary>
public sealed class KubeconfigMergeTests() : TlsSandboxTest("kubeconfig-merge-")
{
    [Fact]
    public async Task AListOfFiles_IsMergedAsKubectlMergesIt()
    {
        var list = WriteFiles();

        var read = KubeconfigContexts.Read(list);

        Assert.True(read.Found, read.Problem);
        Assert.Equal(["first", "second", "shadowed"], read.Contexts.Select(c => c.Name));
        Assert.Equal("first", Assert.Single(read.Contexts, c => c.IsCurrent).Name);
        // "shared" is defined in both files: the first file's definition (an unreachable server) wins.
        Assert.Equal("https://127.0.0.1:1", read.Contexts.Single(c => c.Name == "shadowed").Server);

        using var tools = new ToolRunner();
        var contexts = await tools.RunAsync("kubectl", ["config", "get-contexts", "-o", "name"], kubeconfig: list, cancellationToken: Ct);
        var current = await tools.RunAsync("kubectl", ["config", "current-context"], kubeconfig: list, cancellationToken: Ct);
        var shared = await tools.RunAsync("kubectl", ["config", "view", "-o", "jsonpath={.clusters[?(@.name==\"shared\")].cluster.server}"], kubeconfig: list, cancellationToken: Ct);
        Assert.Equal(read.Contexts.Select(c => c.Name).Order(StringComparer.Ordinal), contexts.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal("first", current.Stdout.Trim());
        Assert.Equal("https://127.0.0.1:1", shared.Stdout.Trim());
    }

    [Fact]
    public async Task AContextOfTheSecondFile_Connects_WithItsCaRelativeToThatFile()
    {
        var list = WriteFiles();

        // The second file names its CA as "certs/ca.pem", next to itself, not next to the first file.
        using (var cluster = KubeCluster.FromKubeconfig(list, "second", new KubeClusterOptions { Retry = RetryPolicy.None }))
        {
            Assert.NotNull(await cluster.GetAsync(new ObjectKey("v1", "Namespace", null, "default"), Ct));
        }

        var (client, _) = ClusterInspector.CreateClient(list, "second");
        using (client as IDisposable)
        {
            Assert.StartsWith("v1.35", await ClusterInspector.GetServerVersionAsync(client, Ct), StringComparison.Ordinal);
        }

        using var tools = new ToolRunner();
        var kubectl = await tools.RunAsync("kubectl", ["--context", "second", "get", "ns", "default", "--request-timeout=20s"], kubeconfig: list, cancellationToken: Ct);
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
    }

    [Fact]
    public void MissingFilesOfAList_AreSkipped_AllMissingIsAnError()
    {
        var list = WriteFiles();
        var withGaps = string.Join(Path.PathSeparator, Path.Combine(Dir, "absent-1"), list, Path.Combine(Dir, "absent-2"));

        Assert.Equal(3, KubeconfigContexts.Read(withGaps).Contexts.Count);
        var none = KubeconfigContexts.Read(string.Join(Path.PathSeparator, Path.Combine(Dir, "absent-1"), Path.Combine(Dir, "absent-2")));
        Assert.False(none.Found);
        var ex = Assert.Throws<k8s.Exceptions.KubeConfigException>(() => KubeconfigFile.Load(string.Join(Path.PathSeparator, Path.Combine(Dir, "absent-1"), Path.Combine(Dir, "absent-2"))));
        Assert.StartsWith("no kubeconfig file at any of ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProxyUrl_GoesWithTheClusterDefinitionThatWins()
    {
        var one = Path.Combine(Dir, "one.yaml");
        var two = Path.Combine(Dir, "two.yaml");
        File.WriteAllText(one, "clusters:\n- name: shared\n  cluster: { server: \"https://10.0.0.1\" }\n");
        File.WriteAllText(two, "clusters:\n- name: shared\n  cluster: { server: \"https://10.0.0.2\", proxy-url: \"http://proxy-two:3128\" }\n- name: own\n  cluster: { server: \"https://10.0.0.3\", proxy-url: \"socks5://proxy-own:1080\" }\n");

        var merged = KubeconfigFile.Read(string.Join(Path.PathSeparator, one, two));

        // "shared" is the first file's, which names no proxy: the second file's proxy does not come with it.
        Assert.Equal(["own"], merged.ProxyUrls.Keys);
        Assert.Equal("socks5://proxy-own:1080", merged.ProxyUrls["own"]);
        Assert.Equal("http://proxy-two:3128", KubeconfigFile.Read(two).ProxyUrls["shared"]);
    }

    // first.yaml: context "first" (current) and "shadowed" on cluster "shared" (unreachable). second/config: context
    // "second" on the sandbox with a relative CA path, and its own "shared" cluster, which the first file's shadows.
    private string WriteFiles()
    {
        var first = Path.Combine(Dir, "first.yaml");
        File.WriteAllText(first, """
            apiVersion: v1
            kind: Config
            current-context: first
            clusters:
            - name: shared
              cluster: { server: "https://127.0.0.1:1", insecure-skip-tls-verify: true }
            users:
            - name: u1
              user: { token: one }
            contexts:
            - name: first
              context: { cluster: shared, user: u1 }
            - name: shadowed
              context: { cluster: shared, user: u1 }
            """);
        var secondDir = Directory.CreateDirectory(Path.Combine(Dir, "second")).FullName;
        Directory.CreateDirectory(Path.Combine(secondDir, "certs"));
        File.WriteAllText(Path.Combine(secondDir, "certs", "ca.pem"), Server.CertificateAuthorityPem);
        var second = Path.Combine(secondDir, "config");
        File.WriteAllText(second, $$"""
            apiVersion: v1
            kind: Config
            current-context: second
            clusters:
            - name: sandbox
              cluster: { server: "{{Server.BaseAddress.GetLeftPart(UriPartial.Authority)}}", certificate-authority: certs/ca.pem }
            - name: shared
              cluster: { server: "https://127.0.0.1:2" }
            users:
            - name: u2
              user: { token: {{Server.Token}} }
            contexts:
            - name: second
              context: { cluster: sandbox, user: u2, namespace: default }
            """);
        return string.Join(Path.PathSeparator, first, second);
    }
}
