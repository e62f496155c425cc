using RunnerConsole.Core.Rendering;
using YamlDotNet.Serialization;

namespace RunnerConsole.Core.Tests.Rendering;

public sealed class ConfigYamlTests
{
    [Theory]
    [InlineData("30s")]
    [InlineData("${env:POD_IP}:13133")]
    [InlineData("*/5 * * * *")]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("8080")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("- dash")]
    [InlineData("key: value")]
    [InlineData("a #comment")]
    [InlineData("it's")]
    [InlineData("a|b|c")]
    [InlineData("app.kubernetes.io/name=x,app.kubernetes.io/instance=y")]
    [InlineData("{\"a\": 1}")]
    [InlineData("~")]
    [InlineData("null")]
    public void Serialize_StringValue_ReadsBackAsTheSameString(string value)
    {
        var yaml = ConfigYaml.Serialize(new YamlMap { ["k"] = value, ["list"] = new List<object> { value } });

        var parsed = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(yaml);
        Assert.Equal(value, parsed["k"]);
        Assert.Equal(value, ((List<object>)parsed["list"])[0]);
        var quoted = !ConfigYaml.IsPlainSafe(value);
        Assert.Equal(quoted, yaml.StartsWith("k: '", StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_NestedMapsAndLists_UsesBlockStyleInInsertionOrder()
    {
        var yaml = ConfigYaml.Serialize(new YamlMap
        {
            ["z"] = new YamlMap { ["b"] = 1, ["a"] = true },
            ["list"] = new List<object> { new YamlMap { ["name"] = "x", ["port"] = 80 }, "plain" },
            ["empty"] = new YamlMap(),
            ["none"] = new List<object>(),
        });

        Assert.Equal("z:\n  b: 1\n  a: true\nlist:\n  - name: x\n    port: 80\n  - plain\nempty: {}\nnone: []\n", yaml);
    }
}
