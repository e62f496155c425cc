using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RunnerConsole.Core.Planning;

/// <summary>
/// Field-level differences between two (normalised) objects. Lists whose items carry a merge key
/// (<c>containerPort</c>, <c>port</c>, <c>name</c>, <c>mountPath</c>) are compared item by item by
/// that key, as server-side apply merges them; other lists by position.
/// </summary>
public static partial class FieldDiff
{
    private static readonly string[] MergeKeys = ["containerPort", "port", "name", "mountPath", "devicePath", "ip"];

    public static IReadOnlyList<FieldChange> Compare(JsonNode? old, JsonNode? @new)
    {
        var changes = new List<FieldChange>();
        Walk(string.Empty, old, @new, changes);
        return changes;
    }

    private static void Walk(string path, JsonNode? old, JsonNode? @new, List<FieldChange> changes)
    {
        if (JsonNode.DeepEquals(old, @new))
        {
            return;
        }

        switch (old, @new)
        {
            case (null, _):
                changes.Add(new FieldChange(Display(path), FieldChangeKind.Added, null, Text(@new)));
                return;
            case (_, null):
                changes.Add(new FieldChange(Display(path), FieldChangeKind.Removed, Text(old), null));
                return;
            case (JsonObject o, JsonObject n):
                foreach (var key in o.Select(p => p.Key).Union(n.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Walk(Member(path, key), o[key], n[key], changes);
                }

                return;
            case (JsonArray o, JsonArray n):
                WalkArray(path, o, n, changes);
                return;
            default:
                changes.Add(new FieldChange(Display(path), FieldChangeKind.Changed, Text(old), Text(@new)));
                return;
        }
    }

    private static void WalkArray(string path, JsonArray old, JsonArray @new, List<FieldChange> changes)
    {
        var key = MergeKeyOf(old, @new);
        if (key is null)
        {
            for (var i = 0; i < Math.Max(old.Count, @new.Count); i++)
            {
                Walk($"{path}[{i}]", i < old.Count ? old[i] : null, i < @new.Count ? @new[i] : null, changes);
            }

            return;
        }

        var oldItems = old.ToDictionary(item => KeyValue(item!, key));
        var newItems = @new.ToDictionary(item => KeyValue(item!, key));
        var order = @new.Select(item => KeyValue(item!, key)).Concat(old.Select(item => KeyValue(item!, key))).Distinct();
        foreach (var id in order)
        {
            Walk($"{path}[{key}={id}]", oldItems.GetValueOrDefault(id), newItems.GetValueOrDefault(id), changes);
        }
    }

    /// <summary>The merge key shared by every item of both lists, if each item is an object with a unique value for it.</summary>
    private static string? MergeKeyOf(JsonArray old, JsonArray @new)
    {
        var items = old.Concat(@new).ToList();
        if (items.Count == 0 || items.Any(i => i is not JsonObject))
        {
            return null;
        }

        foreach (var key in MergeKeys)
        {
            if (items.All(i => i![key] is JsonValue)
                && old.Select(i => KeyValue(i!, key)).Distinct().Count() == old.Count
                && @new.Select(i => KeyValue(i!, key)).Distinct().Count() == @new.Count)
            {
                return key;
            }
        }

        return null;
    }

    private static string KeyValue(JsonNode item, string key)
    {
        var value = item[key]!.ToString();
        // Ports are unique per protocol: UDP and TCP 53 are two items.
        return item["protocol"] is JsonValue protocol && key is "containerPort" or "port" ? $"{value}/{protocol}" : value;
    }

    private static string Member(string path, string key) =>
        SimpleKeyRegex().IsMatch(key) ? (path.Length == 0 ? key : $"{path}.{key}") : $"{path}[\"{key}\"]";

    private static string Display(string path) => path.Length == 0 ? "." : path;

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex SimpleKeyRegex();
}
