using System.Text.Json.Nodes;
using RunnerConsole.Core.Planning;

namespace RunnerConsole.Core.Tests.Planning;

public sealed class ObjectNormalizerTests
{
    [Fact]
    public void Normalize_LiveObject_DropsServerBookkeeping()
    {
        var live = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"a","namespace":"n","uid":"u","resourceVersion":"7","generation":2,"creationTimestamp":"2026-01-01T00:00:00Z","selfLink":"/x",
               "managedFields":[{"manager":"helm"}],"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}","keep":"me"}},
             "data":{"k":"v"},"status":{"phase":"x"}}
            """)!.AsObject();

        var normalized = ObjectNormalizer.Normalize(live);

        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"n","annotations":{"keep":"me"}},"data":{"k":"v"}}""", normalized.ToJsonString());
        Assert.NotNull(live["status"]);
    }
}
