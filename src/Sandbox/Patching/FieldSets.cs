using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>Field sets of objects, and the field-level diff of two objects, using the list schema.</summary>
internal static class FieldSets
{
    /// <summary>Maps and lists whose Go type always exists (non-pointer structs, required lists): no <c>"."</c> when added.</summary>
    private static bool AlwaysPresent(string field) =>
        field is "metadata" or "spec" or "template" or "strategy" or "containers" or "resources" or "updateStrategy";

    /// <summary>
    /// The field set of an object's content (ignored fields skipped). <paramref name="updateStyle"/> marks added
    /// maps and lists as members themselves (<c>"."</c>), as Kubernetes does for Update operations.
    /// </summary>
    public static FieldSet Describe(JsonObject obj, SchemaContext ctx, bool updateStyle)
    {
        var set = new FieldSet();
        DescribeChildren(obj, ctx, updateStyle, set);
        return set;
    }

    private static void DescribeChildren(JsonObject obj, SchemaContext ctx, bool updateStyle, FieldSet set)
    {
        foreach (var (key, value) in obj)
        {
            if (ListSchema.IsIgnored(ctx, key) || (value is null && updateStyle))
            {
                continue;
            }

            var pe = "f:" + key;
            var child = set.GetOrAdd(pe);
            DescribeValue(value, key, ctx, updateStyle, child);
            if (child.IsEmpty)
            {
                set.Remove(pe);
            }
        }
    }

    /// <summary>Fills <paramref name="set"/> (the node of field <paramref name="field"/>) with the value's paths.</summary>
    private static void DescribeValue(JsonNode? value, string field, SchemaContext parent, bool updateStyle, FieldSet set)
    {
        switch (value)
        {
            case JsonObject o when !ListSchema.IsAtomicMap(field):
                if (o.Count == 0 || (updateStyle && !AlwaysPresent(field)))
                {
                    set.Member = true;
                }

                DescribeChildren(o, parent.Child(field), updateStyle, set);
                break;
            case JsonArray a:
                {
                    var strategy = ListSchema.For(field, parent, a);
                    if (strategy.Kind == ListKind.Atomic)
                    {
                        set.Member = true;
                        break;
                    }

                    if (updateStyle && !AlwaysPresent(field))
                    {
                        set.Member = true;
                    }

                    DescribeItems(a, field, parent, strategy, updateStyle, set);
                    break;
                }

            default:
                set.Member = true;
                break;
        }
    }

    private static void DescribeItems(JsonArray a, string field, SchemaContext parent, ListStrategy strategy, bool updateStyle, FieldSet set)
    {
        var itemCtx = parent.Child(field);
        foreach (var item in a)
        {
            if (strategy.Kind == ListKind.Set || item is not JsonObject io)
            {
                set.GetOrAdd(ListSchema.ValueKey(item)).Member = true;
                continue;
            }

            var child = set.GetOrAdd(ListSchema.ItemKey(io, strategy.Keys));
            child.Member = true;
            DescribeChildren(io, itemCtx, updateStyle, child);
        }
    }

    /// <summary>
    /// Field-level difference: <c>changed</c> holds added and modified paths (added maps, lists and list items as members),
    /// <c>removed</c> the paths that disappeared. Null when empty.
    /// </summary>
    public static (FieldSet? Changed, FieldSet? Removed) Diff(JsonObject? before, JsonObject after)
    {
        FieldSet? changed = null;
        FieldSet? removed = null;
        DiffObjects(before, after, SchemaContext.Root, ref changed, ref removed);
        return (changed, removed);
    }

    private static void DiffObjects(JsonObject? a, JsonObject? b, SchemaContext ctx, ref FieldSet? changed, ref FieldSet? removed)
    {
        if (b is not null)
        {
            foreach (var (key, bv) in b)
            {
                if (ListSchema.IsIgnored(ctx, key))
                {
                    continue;
                }

                JsonNode? av = null;
                a?.TryGetPropertyValue(key, out av);
                DiffValues(av, bv, key, ctx, ref changed, ref removed);
            }
        }

        if (a is not null)
        {
            foreach (var (key, av) in a)
            {
                if (av is null || ListSchema.IsIgnored(ctx, key) || (b is not null && b[key] is not null))
                {
                    continue;
                }

                DiffValues(av, null, key, ctx, ref changed, ref removed);
            }
        }
    }

    private static void DiffValues(JsonNode? a, JsonNode? b, string field, SchemaContext parent, ref FieldSet? changed, ref FieldSet? removed)
    {
        if (a is null && b is null)
        {
            return;
        }

        var pe = "f:" + field;
        if (a is null)
        {
            var added = new FieldSet();
            DescribeValue(b, field, parent, true, added);
            Attach(ref changed, pe, added);
            return;
        }

        if (b is null)
        {
            var node = (removed ??= new()).GetOrAdd(pe);
            DescribeValue(a, field, parent, true, node);
            node.Member = true;
            return;
        }

        if (a is JsonObject oa && b is JsonObject ob && !ListSchema.IsAtomicMap(field))
        {
            FieldSet? c = null;
            FieldSet? r = null;
            DiffObjects(oa, ob, parent.Child(field), ref c, ref r);
            Attach(ref changed, pe, c);
            Attach(ref removed, pe, r);
            return;
        }

        if (a is JsonArray la && b is JsonArray lb)
        {
            var strategy = ListSchema.For(field, parent, la, lb);
            if (strategy.Kind != ListKind.Atomic)
            {
                FieldSet? c = null;
                FieldSet? r = null;
                DiffLists(la, lb, field, parent, strategy, ref c, ref r);
                Attach(ref changed, pe, c);
                Attach(ref removed, pe, r);
                return;
            }
        }

        if (JsonNode.DeepEquals(a, b))
        {
            return;
        }

        if (a is JsonObject or JsonArray || b is JsonObject or JsonArray)
        {
            // Kind of value changed (or atomic container changed): whole old subtree removed, new one added.
            var r = (removed ??= new()).GetOrAdd(pe);
            DescribeValue(a, field, parent, true, r);
            r.Member = true;
            var c = (changed ??= new()).GetOrAdd(pe);
            DescribeValue(b, field, parent, true, c);
            c.Member = true;
            return;
        }

        (changed ??= new()).GetOrAdd(pe).Member = true;
    }

    private static void DiffLists(JsonArray a, JsonArray b, string field, SchemaContext parent, ListStrategy strategy, ref FieldSet? changed, ref FieldSet? removed)
    {
        var itemCtx = parent.Child(field);
        var before = new Dictionary<string, JsonNode?>(a.Count, StringComparer.Ordinal);
        foreach (var item in a)
        {
            before.TryAdd(KeyOf(item, strategy), item);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in b)
        {
            var key = KeyOf(item, strategy);
            if (!seen.Add(key))
            {
                continue;
            }

            if (!before.TryGetValue(key, out var old))
            {
                var node = (changed ??= new()).GetOrAdd(key);
                node.Member = true;
                if (item is JsonObject io && strategy.Kind == ListKind.Map)
                {
                    DescribeChildren(io, itemCtx, true, node);
                }

                continue;
            }

            if (old is JsonObject oo && item is JsonObject no)
            {
                FieldSet? c = null;
                FieldSet? r = null;
                DiffObjects(oo, no, itemCtx, ref c, ref r);
                Attach(ref changed, key, c);
                Attach(ref removed, key, r);
            }
            else if (!JsonNode.DeepEquals(old, item))
            {
                (changed ??= new()).GetOrAdd(key).Member = true;
            }
        }

        foreach (var (key, old) in before)
        {
            if (seen.Contains(key))
            {
                continue;
            }

            var node = (removed ??= new()).GetOrAdd(key);
            node.Member = true;
            if (old is JsonObject oo && strategy.Kind == ListKind.Map)
            {
                DescribeChildren(oo, itemCtx, true, node);
            }
        }
    }

    internal static string KeyOf(JsonNode? item, ListStrategy strategy) =>
        strategy.Kind == ListKind.Map && item is JsonObject o ? ListSchema.ItemKey(o, strategy.Keys) : ListSchema.ValueKey(item);

    private static void Attach(ref FieldSet? parent, string pe, FieldSet? child)
    {
        if (child is null || child.IsEmpty)
        {
            return;
        }

        parent ??= new FieldSet();
        parent.GetOrAdd(pe).UnionWith(child);
    }
}
