using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace RunnerConsole.Core.Planning;

/// <summary>JSON objects as YAML text, keys sorted, for stable human-readable diffs.</summary>
public static class YamlText
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .Build();

    public static string From(JsonNode? node) =>
        node is null ? string.Empty : Serializer.Serialize(ToPlain(node));

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Aggregate(new SortedDictionary<string, object?>(StringComparer.Ordinal), (d, p) =>
            {
                d[p.Key] = ToPlain(p.Value);
                return d;
            }),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.TryGetValue<long>(out var l) ? l : v.GetValue<double>(),
            _ => null,
        },
        _ => node.ToJsonString(),
    };
}
