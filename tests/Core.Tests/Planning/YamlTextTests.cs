using System.Text.Json.Nodes;
using RunnerConsole.Core.Planning;

namespace RunnerConsole.Core.Tests.Planning;

public sealed class YamlTextTests
{
    [Fact]
    public void From_SortsKeys_AndWritesMultiLineTextAsALiteralBlock()
    {
        var node = JsonNode.Parse("""{"kind":"ConfigMap","apiVersion":"v1","data":{"z":"1","config.yaml":"a: 1\nb:\n  c: 2\n"},"metadata":{"name":"x"}}""");

        Assert.Equal(
            "apiVersion: v1\ndata:\n  config.yaml: |\n    a: 1\n    b:\n      c: 2\n  z: \"1\"\nkind: ConfigMap\nmetadata:\n  name: x\n",
            YamlText.From(node));
    }

    [Theory]
    [InlineData("""{"a":"<<","b":"yes","c":"1.0","d":"","e":"- x","f":"#x","g":"line\nno final newline","h":"  leading","i":"tab\there","j":"null","k":"~","l":"true"}""")]
    [InlineData("""{"list":[1,"2",true,null,{"k":[]},{}],"n":-1.5,"deep":{"x":{"y":{"z":"w"}}}}""")]
    public void From_ReadsBackAsTheSameValues(string json)
    {
        var node = JsonNode.Parse(json)!;

        var yaml = YamlText.From(node);

        // Read back with YAML 1.2 core typing (plain scalars typed, quoted ones strings), as Helm reads values.
        Assert.True(JsonNode.DeepEquals(WithoutNullMembers(node), RunnerConsole.Core.Operations.ReleaseInputs.ToJson(yaml)), yaml);
    }

    [Fact]
    public void From_NullMembersAreLeftOut_AsTheAppliedObjectHasNoSuchField()
    {
        Assert.Equal("a: 1\n", YamlText.From(JsonNode.Parse("""{"b":null,"a":1}""")));
        Assert.Equal(string.Empty, YamlText.From(null));
    }

    private static JsonNode? WithoutNullMembers(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNullMembers(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(WithoutNullMembers)]),
        _ => node?.DeepClone(),
    };
}
