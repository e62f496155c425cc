using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Tests.Patching;

internal static class TestObjects
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset T1 = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    public static JsonObject Obj(string json) => JsonNode.Parse(json.Replace('\'', '"'))!.AsObject();

    public static JsonNode? Node(string json) => JsonNode.Parse(json.Replace('\'', '"'));

    public static void AssertJson(string expected, JsonNode? actual)
    {
        var e = Node(expected);
        Assert.True(JsonNode.DeepEquals(e, actual), $"expected {e?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }

    /// <summary>Order-sensitive comparison of the serialised form.</summary>
    public static void AssertJsonText(string expected, JsonNode? actual) =>
        Assert.Equal(Node(expected)!.ToJsonString(), actual?.ToJsonString());

    public static JsonObject Deployment(string image = "nginx:1.27", int replicas = 2) => Obj($$"""
        {
          'apiVersion': 'apps/v1', 'kind': 'Deployment',
          'metadata': { 'name': 'web', 'namespace': 'default', 'labels': { 'app': 'web' } },
          'spec': {
            'replicas': {{replicas}},
            'selector': { 'matchLabels': { 'app': 'web' } },
            'template': {
              'metadata': { 'labels': { 'app': 'web' } },
              'spec': {
                'containers': [
                  { 'name': 'app', 'image': '{{image}}',
                    'ports': [ { 'containerPort': 80, 'protocol': 'TCP' } ],
                    'env': [ { 'name': 'A', 'value': '1' }, { 'name': 'B', 'value': '2' } ] }
                ]
              }
            }
          }
        }
        """);
}
