using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>
/// Deep copies that are much cheaper than <see cref="JsonNode.DeepClone"/>, which copies a JsonDocument per parsed scalar.
/// </summary>
internal static class JsonClone
{
    public static JsonNode? Clone(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject o:
                {
                    var copy = new JsonObject();
                    foreach (var (k, v) in o)
                    {
                        copy.Add(k, Clone(v));
                    }

                    return copy;
                }

            case JsonArray a:
                {
                    var copy = new JsonArray();
                    for (var i = 0; i < a.Count; i++)
                    {
                        copy.Add(Clone(a[i]));
                    }

                    return copy;
                }

            case JsonValue v:
                return CloneValue(v);
            default:
                return node.DeepClone();
        }
    }

    public static JsonObject CloneObject(JsonObject o) => (JsonObject)Clone(o)!;

    /// <summary>Clone of an object without <c>metadata.managedFields</c> (about to be rewritten anyway).</summary>
    public static JsonObject CloneWithoutManagedFields(JsonObject o)
    {
        var copy = new JsonObject();
        foreach (var (k, v) in o)
        {
            if (k == "metadata" && v is JsonObject metadata)
            {
                var m = new JsonObject();
                foreach (var (mk, mv) in metadata)
                {
                    if (mk != "managedFields")
                    {
                        m.Add(mk, Clone(mv));
                    }
                }

                copy.Add(k, m);
            }
            else
            {
                copy.Add(k, Clone(v));
            }
        }

        return copy;
    }

    /// <summary>
    /// Parsed scalars share their (immutable) JsonElement instead of copying its document; other values keep their
    /// CLR type, so callers' conversions (<c>(int)node</c>, <c>GetValue&lt;long&gt;()</c>) behave as on the input.
    /// </summary>
    private static JsonNode CloneValue(JsonValue v) =>
        v.TryGetValue<JsonElement>(out var e) ? JsonValue.Create(e)! : v.DeepClone();
}
