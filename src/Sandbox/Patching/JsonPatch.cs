using System.Globalization;
using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) with RFC 6901 pointers.</summary>
public static class JsonPatch
{
    /// <summary>Applies the operations in order to a copy of <paramref name="target"/>.</summary>
    /// <exception cref="PatchException">An operation is malformed or does not apply; the message names the path.</exception>
    public static JsonNode? Apply(JsonNode? target, JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var doc = JsonClone.Clone(target);
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject op)
            {
                throw new PatchException($"json patch operation {i} is not an object");
            }

            doc = ApplyOne(doc, op, i);
        }

        return doc;
    }

    private static JsonNode? ApplyOne(JsonNode? doc, JsonObject op, int index)
    {
        var name = StringMember(op, "op", index, null);
        var path = StringMember(op, "path", index, null);
        switch (name)
        {
            case "add":
                return Add(doc, path, RequiredValue(op, name, path), name);
            case "remove":
                return Remove(doc, path, name, out _);
            case "replace":
                {
                    var value = RequiredValue(op, name, path);
                    var removed = Remove(doc, path, name, out _);
                    return Add(removed, path, value, name);
                }
            case "move":
                {
                    var from = StringMember(op, "from", index, path);
                    if (from == path)
                    {
                        _ = Get(doc, from, name);
                        return doc;
                    }

                    if (path.StartsWith(from + "/", StringComparison.Ordinal))
                    {
                        throw new PatchException($"move operation cannot move \"{from}\" into its own child \"{path}\"", path);
                    }

                    doc = Remove(doc, from, name, out var moved);
                    return Add(doc, path, moved, name);
                }
            case "copy":
                {
                    var from = StringMember(op, "from", index, path);
                    var value = JsonClone.Clone(Get(doc, from, name));
                    return Add(doc, path, value, name);
                }
            case "test":
                {
                    var expected = RequiredValue(op, name, path);
                    var actual = Get(doc, path, name);
                    if (!JsonNode.DeepEquals(actual, expected))
                    {
                        throw new PatchException($"test operation failed: value at path \"{path}\" does not match", path);
                    }

                    return doc;
                }
            default:
                throw new PatchException($"unexpected json patch operation \"{name}\" at path \"{path}\"", path);
        }
    }

    private static string StringMember(JsonObject op, string member, int index, string? path)
    {
        if (op.TryGetPropertyValue(member, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }

        throw new PatchException(
            path is null
                ? $"json patch operation {index} is missing \"{member}\""
                : $"json patch operation {index} at path \"{path}\" is missing \"{member}\"",
            path);
    }

    private static JsonNode? RequiredValue(JsonObject op, string name, string path)
    {
        if (!op.TryGetPropertyValue("value", out var value))
        {
            throw new PatchException($"{name} operation at path \"{path}\" is missing \"value\"", path);
        }

        return JsonClone.Clone(value);
    }

    internal static string[] ParsePointer(string pointer, string op)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new PatchException($"{op} operation: invalid JSON pointer \"{pointer}\"", pointer);
        }

        var parts = pointer[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Contains('~', StringComparison.Ordinal))
            {
                parts[i] = parts[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            }
        }

        return parts;
    }

    private static JsonNode? Get(JsonNode? doc, string path, string op)
    {
        var parts = ParsePointer(path, op);
        var current = doc;
        foreach (var part in parts)
        {
            current = current switch
            {
                JsonObject o when o.TryGetPropertyValue(part, out var child) => child,
                JsonArray a when TryIndex(part, a.Count, false, out var i) => a[i],
                _ => throw Missing(op, path),
            };
        }

        return current;
    }

    private static JsonNode Parent(JsonNode? doc, string[] parts, string path, string op)
    {
        var current = doc;
        for (var p = 0; p < parts.Length - 1; p++)
        {
            current = current switch
            {
                JsonObject o when o.TryGetPropertyValue(parts[p], out var child) => child,
                JsonArray a when TryIndex(parts[p], a.Count, false, out var i) => a[i],
                _ => throw Missing(op, path),
            };
        }

        return current ?? throw Missing(op, path);
    }

    private static JsonNode? Add(JsonNode? doc, string path, JsonNode? value, string op)
    {
        var parts = ParsePointer(path, op);
        if (parts.Length == 0)
        {
            return value;
        }

        var parent = Parent(doc, parts, path, op);
        var last = parts[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a:
                if (last == "-")
                {
                    a.Add(value);
                }
                else if (TryIndex(last, a.Count, true, out var i))
                {
                    a.Insert(i, value);
                }
                else
                {
                    throw new PatchException($"{op} operation does not apply: index out of range at path \"{path}\"", path);
                }

                break;
            default:
                throw Missing(op, path);
        }

        return doc;
    }

    private static JsonNode? Remove(JsonNode? doc, string path, string op, out JsonNode? removed)
    {
        var parts = ParsePointer(path, op);
        if (parts.Length == 0)
        {
            removed = doc;
            return null;
        }

        var parent = Parent(doc, parts, path, op);
        var last = parts[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var child):
                o.Remove(last);
                removed = child;
                break;
            case JsonArray a when TryIndex(last, a.Count, false, out var i):
                removed = a[i];
                a.RemoveAt(i);
                break;
            default:
                throw Missing(op, path);
        }

        return doc;
    }

    private static bool TryIndex(string token, int count, bool allowEnd, out int index)
    {
        index = -1;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }

        return allowEnd ? index <= count : index < count;
    }

    private static PatchException Missing(string op, string path) =>
        new($"{op} operation does not apply: doc is missing path: \"{path}\"", path);
}
