using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesSchemaTests
{
    private static JsonSchema Schema() => JsonSchema.FromText(ValuesSchema.ToJsonText(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static EvaluationResults Evaluate(JsonNode instance) =>
        Schema().Evaluate(JsonDocument.Parse(instance.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void Generate_EveryModelKey_HasADescribedSchemaEntry()
    {
        var schema = ValuesSchema.Generate();

        foreach (var (path, key) in ValuesModel.AllPaths())
        {
            JsonNode node = schema;
            foreach (var segment in path.Split('.'))
            {
                node = segment.EndsWith("[]", StringComparison.Ordinal)
                    ? node["properties"]![segment[..^2]]!["items"]!
                    : node["properties"]?[segment] ?? throw new Xunit.Sdk.XunitException($"{path}: missing from the schema");
            }

            Assert.Equal(key.Description, (string?)node["description"]);
        }
    }

    [Fact]
    public void Evaluate_ValidValues_AreAcceptedBySchema()
    {
        Assert.True(Evaluate(ValuesJson.ToJson(TestValues.Minimal, redactSecrets: true)).IsValid);
    }

    [Fact]
    public void Evaluate_DefaultsWithoutRunnerName_IsRejectedBySchema()
    {
        Assert.False(Evaluate(ValuesJson.ToJson(RunnerValues.Defaults, redactSecrets: true)).IsValid);
    }

    [Fact]
    public void Evaluate_UnknownKey_IsRejectedBySchema()
    {
        var json = ValuesJson.ToJson(TestValues.Minimal, redactSecrets: true);
        json["agentManager"]!.AsObject()["replica"] = 3;

        Assert.False(Evaluate(json).IsValid);
    }

    [Theory]
    [InlineData("monitoring", "otelCollector", "scrapeInterval", "30")]
    [InlineData("images", null, "pullPolicy", "Sometimes")]
    [InlineData("toolManager", null, "clusterAccess", "everything")]
    public void Evaluate_BadShape_IsRejectedBySchema(string section, string? sub, string key, string value)
    {
        var json = ValuesJson.ToJson(TestValues.Minimal, redactSecrets: true);
        var target = sub is null ? json[section]!.AsObject() : json[section]![sub]!.AsObject();
        target[key] = value;

        Assert.False(Evaluate(json).IsValid);
    }

    [Fact]
    public void Generate_Defaults_MatchTheModel()
    {
        var schema = ValuesSchema.Generate();

        Assert.Equal(3L, (long)schema["properties"]!["toolManager"]!["properties"]!["replicas"]!["default"]!);
        Assert.Equal("tls://connect.ngs.global", (string?)schema["properties"]!["cloud"]!["properties"]!["natsUrl"]!["default"]);
        Assert.Equal(["none", "persistentVolumes", "admin"], schema["properties"]!["toolManager"]!["properties"]!["clusterAccess"]!["enum"]!.AsArray().Select(n => (string?)n));
    }
}
