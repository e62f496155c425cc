using System.Text.Json.Nodes;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Tests.Operations;

namespace RunnerConsole.Core.Tests.Cluster;

/// <summary><see cref="KubeCluster.ListNamesAsync"/>: names only, with no object content on the wire.</summary>
public sealed class ListNamesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListNames_Secrets_NamesOfThatNamespaceOnly()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.Cluster.CreateAsync(KubeObjects.Namespace(TestSandbox.Ns), Ct);
        await sandbox.Cluster.CreateAsync(KubeObjects.Namespace("other"), Ct);
        foreach (var (ns, name) in new[] { (TestSandbox.Ns, "a"), (TestSandbox.Ns, "b"), ("other", "c") })
        {
            await sandbox.Cluster.CreateAsync(
                new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns }, ["data"] = new JsonObject { ["k"] = "c2VjcmV0" } },
                Ct);
        }

        var names = await sandbox.Cluster.ListNamesAsync("v1", "Secret", TestSandbox.Ns, Ct);

        Assert.Equal(["a", "b"], names.Order());
        // Asked as metadata only (the sandbox then answers a PartialObjectMetadataList, as an API server does).
        var entry = sandbox.Server.Log.Entries.Last(e => e.Method == "GET" && e.Path.EndsWith("/secrets", StringComparison.Ordinal));
        Assert.StartsWith("application/json; as=PartialObjectMetadataList; g=meta.k8s.io; v=v1", entry.Accept, StringComparison.Ordinal);
    }
}
