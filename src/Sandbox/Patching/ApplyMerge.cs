using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>The merge step of server-side apply: deep-merge maps, merge keyed and set lists, replace atomic values.</summary>
internal static class ApplyMerge
{
    /// <summary>Fields the server owns: applied values are ignored, live values kept.</summary>
    private static bool IsServerOwned(SchemaContext ctx, string field) =>
        ctx.Depth == 0
            ? field == "status"
            : ctx.IsRootMetadata && field is "managedFields" or "resourceVersion" or "uid" or "creationTimestamp" or "generation"
                or "selfLink" or "deletionTimestamp" or "deletionGracePeriodSeconds";

    /// <summary>Merges <paramref name="applied"/> into <paramref name="target"/> in place (applied is not mutated).</summary>
    public static void MergeObject(JsonObject target, JsonObject applied, SchemaContext ctx)
    {
        foreach (var (key, av) in applied)
        {
            if (av is null || IsServerOwned(ctx, key))
            {
                continue;
            }

            target.TryGetPropertyValue(key, out var tv);
            if (av is JsonObject ao && !ListSchema.IsAtomicMap(key))
            {
                if (tv is JsonObject to)
                {
                    MergeObject(to, ao, ctx.Child(key));
                }
                else
                {
                    var fresh = new JsonObject();
                    MergeObject(fresh, ao, ctx.Child(key));
                    target[key] = fresh;
                }
            }
            else if (av is JsonArray aa && tv is JsonArray ta && ListSchema.For(key, ctx, ta, aa) is { Kind: not ListKind.Atomic } strategy)
            {
                MergeList(ta, aa, key, ctx, strategy);
            }
            else
            {
                target[key] = CloneWithoutNulls(av);
            }
        }
    }

    private static JsonNode? CloneWithoutNulls(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return JsonClone.Clone(node);
        }

        var copy = new JsonObject();
        foreach (var (k, v) in o)
        {
            if (v is not null)
            {
                copy[k] = CloneWithoutNulls(v);
            }
        }

        return copy;
    }

    /// <summary>
    /// Merges list items by key in place: applied order wins for applied items, live-only items keep their place
    /// (the interleaving of structured-merge-diff).
    /// </summary>
    private static void MergeList(JsonArray live, JsonArray applied, string field, SchemaContext parent, ListStrategy strategy)
    {
        var itemCtx = parent.Child(field);
        var liveItems = new JsonNode?[live.Count];
        var liveKeys = new string[live.Count];
        var liveIndex = new Dictionary<string, int>(live.Count, StringComparer.Ordinal);
        for (var i = 0; i < live.Count; i++)
        {
            liveItems[i] = live[i];
            liveKeys[i] = FieldSets.KeyOf(live[i], strategy);
            liveIndex.TryAdd(liveKeys[i], i);
        }

        var appliedKeys = new string[applied.Count];
        var appliedIndex = new Dictionary<string, int>(applied.Count, StringComparer.Ordinal);
        for (var i = 0; i < applied.Count; i++)
        {
            appliedKeys[i] = FieldSets.KeyOf(applied[i], strategy);
            appliedIndex.TryAdd(appliedKeys[i], i);
        }

        live.Clear();
        var emitted = new bool[liveItems.Length];
        var emittedApplied = new HashSet<string>(StringComparer.Ordinal);
        int l = 0, r = 0;
        while (l < liveItems.Length || r < appliedKeys.Length)
        {
            if (l < liveItems.Length && emitted[l])
            {
                l++;
                continue;
            }

            if (l < liveItems.Length && r < appliedKeys.Length && liveKeys[l] == appliedKeys[r])
            {
                if (emittedApplied.Add(appliedKeys[r]))
                {
                    live.Add(MergeItem(liveItems[l], applied[r], itemCtx));
                    emitted[l] = true;
                }

                l++;
                r++;
                continue;
            }

            if (l < liveItems.Length && !appliedIndex.ContainsKey(liveKeys[l]))
            {
                live.Add(liveItems[l]);
                emitted[l] = true;
                l++;
                continue;
            }

            if (r < appliedKeys.Length)
            {
                if (emittedApplied.Add(appliedKeys[r]))
                {
                    if (liveIndex.TryGetValue(appliedKeys[r], out var li) && !emitted[li])
                    {
                        live.Add(MergeItem(liveItems[li], applied[r], itemCtx));
                        emitted[li] = true;
                    }
                    else
                    {
                        live.Add(CloneWithoutNulls(applied[r]));
                    }
                }

                r++;
                continue;
            }

            l++;
        }
    }

    private static JsonNode? MergeItem(JsonNode? liveItem, JsonNode? appliedItem, SchemaContext itemCtx)
    {
        if (liveItem is JsonObject lo && appliedItem is JsonObject ao)
        {
            MergeObject(lo, ao, itemCtx);
            return lo;
        }

        return CloneWithoutNulls(appliedItem);
    }
}
