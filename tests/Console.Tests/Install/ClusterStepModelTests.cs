using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Console.Tests.Install;

public sealed class ClusterStepModelTests
{
    [Fact]
    public async Task LoadAsync_CurrentContext_IsChosenCheckedAndListed()
    {
        var cluster = new ClusterStepModel(new TestClusterDirectory());

        await cluster.LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(TestClusterDirectory.Sandbox, cluster.Context);
        Assert.Equal("v1.35.0", cluster.Connection?.ServerVersion);
        Assert.Equal(2, cluster.Namespaces.Count);
        Assert.Equal(["nats-creds", "prometheus-auth"], cluster.SecretNames);
        Assert.True(cluster.IsValid);
    }

    [Fact]
    public async Task SetNamespaceAsync_RestrictedNamespace_WarnsAboutDagger()
    {
        var cluster = new ClusterStepModel(new TestClusterDirectory());
        await cluster.LoadAsync(TestContext.Current.CancellationToken);

        await cluster.SetNamespaceAsync("locked", TestContext.Current.CancellationToken);

        Assert.Contains("does not allow privileged pods", cluster.NamespaceWarning, StringComparison.Ordinal);
        Assert.False(cluster.IsNewNamespace);
    }

    [Fact]
    public async Task SetNamespaceAsync_UnknownNamespace_IsNewWithoutSecrets()
    {
        var cluster = new ClusterStepModel(new TestClusterDirectory());
        await cluster.LoadAsync(TestContext.Current.CancellationToken);

        await cluster.SetNamespaceAsync("fresh-ns", TestContext.Current.CancellationToken);

        Assert.True(cluster.IsNewNamespace);
        Assert.Null(cluster.NamespaceWarning);
        Assert.Empty(cluster.SecretNames);
    }

    [Fact]
    public async Task SetNamespaceAsync_InvalidName_IsAnError()
    {
        var cluster = new ClusterStepModel(new TestClusterDirectory());
        await cluster.LoadAsync(TestContext.Current.CancellationToken);

        await cluster.SetNamespaceAsync("Bad_Name", TestContext.Current.CancellationToken);

        Assert.NotNull(cluster.NamespaceError);
        Assert.False(cluster.IsValid);
    }

    [Fact]
    public async Task SelectContextAsync_Unreachable_IsInvalidWithProblem()
    {
        var cluster = new ClusterStepModel(new TestClusterDirectory());

        await cluster.SelectContextAsync(TestClusterDirectory.Offline, TestContext.Current.CancellationToken);

        Assert.False(cluster.IsValid);
        Assert.Equal("connection refused", cluster.Connection?.Problem);
    }

    [Fact]
    public async Task SelectContextAsync_DirectoryThrows_ShowsPlainSentenceWithoutExceptionText()
    {
        var cluster = new ClusterStepModel(new TestClusterDirectory());

        await cluster.SelectContextAsync(TestClusterDirectory.Broken, TestContext.Current.CancellationToken);

        Assert.False(cluster.IsValid);
        Assert.False(cluster.IsChecking);
        Assert.DoesNotContain("s3cr3t", cluster.Connection?.Problem, StringComparison.Ordinal);
        Assert.Equal("The cluster could not be reached with this context.", cluster.Connection?.Problem);
    }
}
