using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Yaml;

namespace RunnerConsole.Core.Planning;

/// <summary>
/// JSON objects as YAML text for diffs: keys sorted (so two versions line up), written by the same writer as every other
/// YAML we print (<see cref="KubeYaml"/>: multi-line strings as literal <c>|</c> blocks, strings quoted only where YAML
/// would read them as something else, members whose value is null left out).
/// </summary>
public static class YamlText
{
    public static string From(JsonNode? node)
    {
        if (node is null)
        {
            return string.Empty;
        }

        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            Sorted(node)!.WriteTo(writer);
        }

        return KubeYaml.FromJson(json.WrittenSpan);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
