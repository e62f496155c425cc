using RunnerConsole.Core.Cluster;

namespace RunnerConsole.Core.Tests.Cluster;

public sealed class KubeconfigContextsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_FileWithTwoContexts_ListsBothAndMarksCurrent()
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - name: c1
              cluster: { server: "https://c1.example:6443" }
            - name: c2
              cluster: { server: "https://c2.example:6443" }
            users:
            - name: alice
              user: { token: abc }
            contexts:
            - name: prod
              context: { cluster: c1, user: alice, namespace: kubiya }
            - name: dev
              context: { cluster: c2, user: alice }
            """);

        var result = KubeconfigContexts.Read(path);

        Assert.True(result.Found);
        Assert.Equal(["dev", "prod"], result.Contexts.Select(c => c.Name));
        var prod = result.Contexts.Single(c => c.Name == "prod");
        Assert.True(prod.IsCurrent);
        Assert.Equal("https://c1.example:6443", prod.Server);
        Assert.Equal("kubiya", prod.Namespace);
        Assert.False(result.Contexts.Single(c => c.Name == "dev").IsCurrent);
    }

    [Fact]
    public void Read_MissingFile_ReportsProblemWithoutThrowing()
    {
        var result = KubeconfigContexts.Read(Path.Combine(_dir, "absent"));

        Assert.False(result.Found);
        Assert.Empty(result.Contexts);
        Assert.Contains("no kubeconfig file", result.Problem);
    }

    [Fact]
    public void Read_MalformedFile_ReportsProblemWithoutThrowing()
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, "clusters: [unclosed");

        var result = KubeconfigContexts.Read(path);

        Assert.False(result.Found);
        Assert.Contains("could not be read", result.Problem);
    }

    [Theory]
    [InlineData("apiVersion: v1\nclusters: [\n", ":3:1: While parsing a node, did not find expected node content.")]
    [InlineData("apiVersion: v1\nusers:\n- name: u\n  user:\n    as-user-extra:\n      scopes:\n      - a\n", ":7:7: a list or map where this client's kubeconfig model holds a single value")]
    public void Load_AnUnreadableField_IsNamedByLineAndColumn(string text, string expected)
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, text);

        var ex = Assert.Throws<k8s.Exceptions.KubeConfigException>(() => KubeconfigFile.Load(path));

        Assert.Equal(Path.GetFullPath(path) + expected, ex.Message);
    }

    [Fact]
    public void DefaultPath_KubeconfigVariableSet_IsTheWholeList()
    {
        // Every file of the list is read and merged, as kubectl does (KubeconfigMergeTests); empty entries dropped.
        var path = KubeconfigContexts.DefaultPath(name => name == "KUBECONFIG" ? "/a/one::/b/two:" : null);

        Assert.Equal("/a/one:/b/two", path);
    }
}
