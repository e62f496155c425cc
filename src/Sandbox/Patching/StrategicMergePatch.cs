using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>
/// Kubernetes strategic merge patch: maps deep-merge, <c>null</c> deletes, keyed lists merge by their merge key,
/// <c>finalizers</c> merge as sets, other lists are replaced. Directives: <c>$patch</c> (replace, delete, merge),
/// <c>$setElementOrder/&lt;list&gt;</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/&lt;list&gt;</c>.
/// </summary>
public static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder/";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="target"/>.</summary>
    /// <exception cref="PatchException">Unknown or malformed directive; the message names the path.</exception>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            if (patch is JsonArray)
            {
                throw new PatchException("strategic merge patch must be a JSON object", "");
            }

            return JsonClone.Clone(patch);
        }

        var result = target is JsonObject o ? JsonClone.CloneObject(o) : [];
        return MergeMap(result, patchObject, SchemaContext.Root, "");
    }

    /// <summary>Merges <paramref name="patch"/> into <paramref name="target"/> (owned, mutated); null means "delete this map".</summary>
    private static JsonObject? MergeMap(JsonObject target, JsonObject patch, SchemaContext ctx, string path)
    {
        if (patch.TryGetPropertyValue(PatchDirective, out var directive))
        {
            switch (DirectiveValue(directive, path))
            {
                case "replace":
                    target = [];
                    break;
                case "delete":
                    return null;
                case "merge":
                    break;
                case var other:
                    throw new PatchException($"unknown patch type: \"{other}\" in map at \"{path}\"", path);
            }
        }

        JsonArray? retainKeys = null;
        List<string>? listDirectivesOnly = null;
        foreach (var (key, pv) in patch)
        {
            if (key.Length > 0 && key[0] == '$')
            {
                if (key == PatchDirective)
                {
                    continue;
                }

                if (key == RetainKeysDirective)
                {
                    retainKeys = pv as JsonArray
                        ?? throw new PatchException($"$retainKeys at \"{path}\" must be a list", path);
                    continue;
                }

                string listName;
                if (key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
                {
                    listName = key[SetElementOrderPrefix.Length..];
                }
                else if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
                {
                    listName = key[DeleteFromPrimitiveListPrefix.Length..];
                }
                else
                {
                    throw new PatchException($"unknown strategic merge patch directive \"{key}\" at \"{path}\"", path);
                }

                if (pv is not JsonArray)
                {
                    throw new PatchException($"directive \"{key}\" at \"{path}\" must be a list", path);
                }

                if (!patch.ContainsKey(listName))
                {
                    (listDirectivesOnly ??= []).Add(listName);
                }

                continue;
            }

            var childPath = path + "/" + key;
            if (pv is null)
            {
                target.Remove(key);
                continue;
            }

            target.TryGetPropertyValue(key, out var tv);
            if (pv is JsonObject po)
            {
                var child = tv is JsonObject to ? to : [];
                var merged = MergeMap(child, po, ctx.Child(key), childPath);
                if (merged is null)
                {
                    target.Remove(key);
                }
                else if (!ReferenceEquals(merged, tv))
                {
                    target[key] = merged;
                }
            }
            else if (pv is JsonArray pa)
            {
                var merged = MergeList(
                    tv as JsonArray,
                    pa,
                    key,
                    ctx,
                    patch[SetElementOrderPrefix + key] as JsonArray,
                    patch[DeleteFromPrimitiveListPrefix + key] as JsonArray,
                    childPath);
                if (!ReferenceEquals(merged, tv))
                {
                    target[key] = merged;
                }
            }
            else
            {
                target[key] = JsonClone.Clone(pv);
            }
        }

        if (listDirectivesOnly is not null)
        {
            foreach (var listName in listDirectivesOnly.Distinct())
            {
                if (target[listName] is JsonArray existing)
                {
                    var strategy = ListSchema.For(listName, ctx);
                    ApplyListDirectives(
                        existing,
                        strategy,
                        patch[SetElementOrderPrefix + listName] as JsonArray,
                        patch[DeleteFromPrimitiveListPrefix + listName] as JsonArray);
                }
            }
        }

        if (retainKeys is not null)
        {
            var keep = new HashSet<string>(StringComparer.Ordinal);
            foreach (var k in retainKeys)
            {
                if (k is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    keep.Add(s);
                }
                else
                {
                    throw new PatchException($"$retainKeys at \"{path}\" must be a list of strings", path);
                }
            }

            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static string DirectiveValue(JsonNode? node, string path) =>
        node is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new PatchException($"$patch directive at \"{path}\" must be a string", path);

    private static JsonArray MergeList(
        JsonArray? target,
        JsonArray patch,
        string field,
        SchemaContext parent,
        JsonArray? order,
        JsonArray? deleteFromPrimitive,
        string path)
    {
        var strategy = ListSchema.For(field, parent, target, patch);
        var itemCtx = parent.Child(field);

        // [{"$patch": "replace"}, ...] replaces the whole list with the remaining items.
        var replace = false;
        foreach (var item in patch)
        {
            if (item is JsonObject io && io.TryGetPropertyValue(PatchDirective, out var d) && io.Count == 1)
            {
                var value = DirectiveValue(d, path);
                if (value == "replace")
                {
                    replace = true;
                }
                else if (value != "merge" && !(value == "delete" && strategy.Kind == ListKind.Map))
                {
                    throw new PatchException($"unknown patch type: \"{value}\" in list at \"{path}\"", path);
                }
            }
        }

        if (replace || strategy.Kind == ListKind.Atomic || target is null)
        {
            var fresh = new JsonArray();
            foreach (var item in patch)
            {
                if (item is JsonObject io)
                {
                    if (io.Count == 1 && io.ContainsKey(PatchDirective))
                    {
                        continue;
                    }

                    if (strategy.Kind == ListKind.Map && io.TryGetPropertyValue(PatchDirective, out var d)
                        && DirectiveValue(d, path) == "delete")
                    {
                        continue;
                    }

                    var merged = MergeMap([], io, itemCtx, path);
                    if (merged is not null)
                    {
                        fresh.Add(merged);
                    }
                }
                else
                {
                    fresh.Add(JsonClone.Clone(item));
                }
            }

            if (strategy.Kind == ListKind.Set)
            {
                Dedupe(fresh);
            }

            ApplyListDirectives(fresh, strategy, order, deleteFromPrimitive);
            return fresh;
        }

        if (strategy.Kind == ListKind.Set)
        {
            var present = new HashSet<string>(target.Select(ListSchema.ValueKey), StringComparer.Ordinal);
            foreach (var item in patch)
            {
                if (present.Add(ListSchema.ValueKey(item)))
                {
                    target.Add(JsonClone.Clone(item));
                }
            }

            ApplyListDirectives(target, strategy, order, deleteFromPrimitive);
            return target;
        }

        // Keyed list.
        foreach (var item in patch)
        {
            if (item is not JsonObject io)
            {
                target.Add(JsonClone.Clone(item));
                continue;
            }

            var key = ListSchema.ItemKey(io, strategy.Keys);
            var index = IndexOfMatch(target, io, strategy.Keys);
            var itemDirective = io.TryGetPropertyValue(PatchDirective, out var d) ? DirectiveValue(d, path) : null;
            if (itemDirective == "delete")
            {
                while (index >= 0)
                {
                    target.RemoveAt(index);
                    index = IndexOfMatch(target, io, strategy.Keys);
                }

                continue;
            }

            if (index >= 0 && target[index] is JsonObject existing)
            {
                var merged = MergeMap(existing, io, itemCtx, path + "/" + key);
                if (merged is null)
                {
                    target.RemoveAt(index);
                }
                else if (!ReferenceEquals(merged, existing))
                {
                    target[index] = merged;
                }
            }
            else
            {
                var merged = MergeMap([], io, itemCtx, path + "/" + key);
                if (merged is not null)
                {
                    target.Add(merged);
                }
            }
        }

        ApplyListDirectives(target, strategy, order, deleteFromPrimitive);
        return target;
    }

    /// <summary>
    /// Index of the first element matching the patch element on the merge keys the patch element names (a patch
    /// element without <c>protocol</c> matches by port alone, as kubectl's patches use the single Kubernetes
    /// patchMergeKey); -1 when none.
    /// </summary>
    private static int IndexOfMatch(JsonArray list, JsonObject patchItem, string[] keys)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject candidate && Matches(candidate, patchItem, keys))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Matches(JsonObject candidate, JsonObject patchItem, string[] keys)
    {
        var compared = 0;
        foreach (var key in keys)
        {
            if (!patchItem.TryGetPropertyValue(key, out var wanted) || wanted is null)
            {
                continue;
            }

            compared++;
            candidate.TryGetPropertyValue(key, out var have);
            if (have is null && key == "protocol")
            {
                have = JsonValue.Create("TCP");
            }

            if (!JsonNode.DeepEquals(have, wanted))
            {
                return false;
            }
        }

        return compared > 0;
    }

    private static void Dedupe(JsonArray list)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (!seen.Add(ListSchema.ValueKey(list[i])))
            {
                list.RemoveAt(i--);
            }
        }
    }

    private static void ApplyListDirectives(JsonArray list, ListStrategy strategy, JsonArray? order, JsonArray? deleteFromPrimitive)
    {
        if (deleteFromPrimitive is { Count: > 0 })
        {
            var doomed = new HashSet<string>(deleteFromPrimitive.Select(ListSchema.ValueKey), StringComparer.Ordinal);
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i] is not JsonObject && doomed.Contains(ListSchema.ValueKey(list[i])))
                {
                    list.RemoveAt(i);
                }
            }
        }

        if (order is { Count: > 0 } && list.Count > 1)
        {
            Reorder(list, strategy, order);
        }
    }

    /// <summary>
    /// <c>$setElementOrder</c>: items named in the order take the positions such items occupy, in the given order;
    /// items the order does not name stay where they are.
    /// </summary>
    private static void Reorder(JsonArray list, ListStrategy strategy, JsonArray order)
    {
        var rank = new Dictionary<string, int>(order.Count, StringComparer.Ordinal);
        if (strategy.Kind != ListKind.Map)
        {
            foreach (var o in order)
            {
                rank.TryAdd(ListSchema.ValueKey(o), rank.Count);
            }
        }

        var items = list.ToArray();
        list.Clear();
        var slots = new List<int>();
        var ranked = new List<(int Rank, int Index)>();
        for (var i = 0; i < items.Length; i++)
        {
            var r = -1;
            if (strategy.Kind != ListKind.Map)
            {
                r = rank.TryGetValue(ListSchema.ValueKey(items[i]), out var found) ? found : -1;
            }
            else if (items[i] is JsonObject item)
            {
                for (var o = 0; o < order.Count; o++)
                {
                    if (order[o] is JsonObject entry && Matches(item, entry, strategy.Keys))
                    {
                        r = o;
                        break;
                    }
                }
            }

            if (r >= 0)
            {
                slots.Add(i);
                ranked.Add((r, i));
            }
        }

        ranked.Sort();
        var result = (JsonNode?[])items.Clone();
        for (var s = 0; s < slots.Count; s++)
        {
            result[slots[s]] = items[ranked[s].Index];
        }

        foreach (var item in result)
        {
            list.Add(item);
        }
    }
}
