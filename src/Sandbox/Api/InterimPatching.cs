using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox.Api;

/// <summary>A small stand-in for the patch engine, used until <c>RunnerConsole.Sandbox.Patching</c> is merged.</summary>
internal static class InterimPatching
{
    private static readonly Dictionary<string, string[]> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["volumes"] = ["name"],
        ["env"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["imagePullSecrets"] = ["name"],
        ["ports"] = ["containerPort", "port"],
        ["ownerReferences"] = ["uid"],
        ["conditions"] = ["type"],
    };

    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject p)
        {
            return patch?.DeepClone();
        }

        var t = target as JsonObject ?? new JsonObject();
        foreach (var (k, v) in p)
        {
            if (v is null)
            {
                t.Remove(k);
            }
            else
            {
                t[k] = MergePatch(t[k]?.DeepClone(), v);
            }
        }

        return t;
    }

    public static JsonNode? Strategic(JsonNode? target, JsonNode? patch) => Merge(target, patch, null);

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch, string? field)
    {
        if (patch is JsonObject p)
        {
            if (Json.Str(p, "$patch") == "replace")
            {
                var copy = (JsonObject)p.DeepClone();
                copy.Remove("$patch");
                return copy;
            }

            var t = target as JsonObject ?? new JsonObject();
            foreach (var (k, v) in p)
            {
                if (k.StartsWith("$setElementOrder/", StringComparison.Ordinal) || k == "$retainKeys" || k == "$patch")
                {
                    continue;
                }

                if (k.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
                {
                    var list = k["$deleteFromPrimitiveList/".Length..];
                    if (t[list] is JsonArray arr && v is JsonArray del)
                    {
                        foreach (var item in arr.Where(i => del.Any(d => JsonNode.DeepEquals(d, i))).ToList())
                        {
                            arr.Remove(item);
                        }
                    }

                    continue;
                }

                if (v is null)
                {
                    t.Remove(k);
                }
                else
                {
                    t[k] = Merge(t[k]?.DeepClone(), v, k);
                }
            }

            return t;
        }

        if (patch is JsonArray pa && target is JsonArray ta && field is not null && MergeKeys.TryGetValue(field, out var keys))
        {
            var result = new JsonArray(ta.Select(x => x?.DeepClone()).ToArray());
            foreach (var item in pa)
            {
                if (item is not JsonObject io)
                {
                    return pa.DeepClone();
                }

                var key = keys.FirstOrDefault(k => io[k] is not null);
                if (key is null)
                {
                    return pa.DeepClone();
                }

                var match = result.OfType<JsonObject>().FirstOrDefault(r => JsonNode.DeepEquals(r[key], io[key]));
                if (Json.Str(io, "$patch") == "delete")
                {
                    if (match is not null)
                    {
                        result.Remove(match);
                    }

                    continue;
                }

                if (match is null)
                {
                    result.Add(Merge(null, io, null));
                }
                else
                {
                    var index = result.IndexOf(match);
                    result[index] = Merge(match.DeepClone(), io, null);
                }
            }

            return result;
        }

        return patch?.DeepClone();
    }

    public static JsonNode? JsonPatch(JsonNode? target, JsonArray operations)
    {
        var root = target?.DeepClone();
        foreach (var op in operations.OfType<JsonObject>())
        {
            var kind = Json.Str(op, "op") ?? throw new InvalidOperationException("missing op");
            var path = Json.Str(op, "path") ?? throw new InvalidOperationException("missing path");
            switch (kind)
            {
                case "add":
                    root = Set(root, path, op["value"]?.DeepClone(), insert: true);
                    break;
                case "replace":
                    _ = Get(root, path);
                    root = Set(root, path, op["value"]?.DeepClone(), insert: false);
                    break;
                case "remove":
                    root = Remove(root, path);
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"]))
                    {
                        throw new InvalidOperationException($"testing value {path} failed");
                    }

                    break;
                case "copy":
                    root = Set(root, path, Get(root, Json.Str(op, "from")!)?.DeepClone(), insert: true);
                    break;
                case "move":
                    var from = Json.Str(op, "from")!;
                    var value = Get(root, from)?.DeepClone();
                    root = Set(Remove(root, from), path, value, insert: true);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected kind: {kind}");
            }
        }

        return root;
    }

    private static string[] Tokens(string path) =>
        path.Length == 0 ? [] : path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();

    private static JsonNode? Get(JsonNode? root, string path)
    {
        var node = root;
        foreach (var t in Tokens(path))
        {
            node = node switch
            {
                JsonObject o when o.ContainsKey(t) => o[t],
                JsonArray a when int.TryParse(t, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw new InvalidOperationException($"jsonpatch: path {path} does not exist"),
            };
        }

        return node;
    }

    private static JsonNode? Set(JsonNode? root, string path, JsonNode? value, bool insert)
    {
        var tokens = Tokens(path);
        if (tokens.Length == 0)
        {
            return value;
        }

        var parent = Get(root, "/" + string.Join('/', tokens[..^1].Select(t => t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count:
                if (insert)
                {
                    a.Insert(i, value);
                }
                else
                {
                    a[i] = value;
                }

                break;
            default:
                throw new InvalidOperationException($"jsonpatch: cannot set {path}");
        }

        return root;
    }

    private static JsonNode? Remove(JsonNode? root, string path)
    {
        var tokens = Tokens(path);
        var parent = Get(root, "/" + string.Join('/', tokens[..^1]));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw new InvalidOperationException($"jsonpatch: path {path} does not exist");
        }

        return root;
    }

    public static JsonObject Apply(JsonObject? live, JsonObject applied, string manager, DateTimeOffset now)
    {
        var result = live is null ? (JsonObject)applied.DeepClone() : (JsonObject)Merge(live.DeepClone(), applied, null)!;
        SetEntry(result, manager, "Apply", Fields(applied), now);
        return result;
    }

    public static void RecordUpdate(JsonObject? before, JsonObject after, string manager, DateTimeOffset now)
    {
        var fields = Fields(after);
        SetEntry(after, manager, "Update", fields, now);
    }

    private static void SetEntry(JsonObject obj, string manager, string operation, JsonObject fields, DateTimeOffset now)
    {
        var meta = Json.Meta(obj);
        var list = meta["managedFields"] as JsonArray ?? new JsonArray();
        foreach (var e in list.OfType<JsonObject>().Where(e => Json.Str(e, "manager") == manager && Json.Str(e, "operation") == operation).ToList())
        {
            list.Remove(e);
        }

        list.Add(new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = operation,
            ["apiVersion"] = Json.Str(obj, "apiVersion"),
            ["time"] = Json.Timestamp(now),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = fields,
        });
        meta["managedFields"] = list;
    }

    private static JsonObject Fields(JsonObject obj)
    {
        var f = new JsonObject();
        foreach (var (k, v) in obj)
        {
            if (k is "apiVersion" or "kind" or "status")
            {
                continue;
            }

            if (k == "metadata" && v is JsonObject m)
            {
                var mf = new JsonObject();
                foreach (var mk in new[] { "labels", "annotations" })
                {
                    if (m[mk] is JsonObject map)
                    {
                        mf["f:" + mk] = Fields(map);
                    }
                }

                if (mf.Count > 0)
                {
                    f["f:metadata"] = mf;
                }

                continue;
            }

            f["f:" + k] = v is JsonObject o ? Fields(o) : new JsonObject();
        }

        return f;
    }
}
