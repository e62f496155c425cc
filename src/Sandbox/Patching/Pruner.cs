using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>
/// Removes from an applied object the fields its applier owned before and no longer applies, unless another
/// manager (or the new applied set) still owns them.
/// </summary>
internal static class Pruner
{
    /// <summary>Prunes the children of <paramref name="obj"/>; returns true when something was removed.</summary>
    public static bool PruneObject(JsonObject obj, FieldSet last, FieldSet? owned, SchemaContext ctx, string[] protectedKeys)
    {
        if (last.Children is null)
        {
            return false;
        }

        var removedAny = false;
        foreach (var (pe, ls) in last.Children)
        {
            if (!pe.StartsWith("f:", StringComparison.Ordinal))
            {
                continue;
            }

            var key = pe[2..];
            if (Array.IndexOf(protectedKeys, key) >= 0 || !obj.TryGetPropertyValue(key, out var value))
            {
                continue;
            }

            var os = owned?.Get(pe);
            if (ShouldRemove(ls, os))
            {
                obj.Remove(key);
                removedAny = true;
                continue;
            }

            if (!ls.HasChildren)
            {
                continue;
            }

            var emptied = false;
            if (value is JsonObject vo && !ListSchema.IsAtomicMap(key))
            {
                emptied = PruneObject(vo, ls, os, ctx.Child(key), []) && vo.Count == 0;
            }
            else if (value is JsonArray va && ListSchema.For(key, ctx, va) is { Kind: not ListKind.Atomic } strategy)
            {
                emptied = PruneList(va, ls, os, key, ctx, strategy) && va.Count == 0;
            }

            if (emptied && !(os?.Member ?? false))
            {
                obj.Remove(key);
                removedAny = true;
            }
        }

        return removedAny;
    }

    private static bool ShouldRemove(FieldSet last, FieldSet? owned) =>
        last.Member && !(owned?.Member ?? false) && !(owned?.HasChildren ?? false);

    private static bool PruneList(JsonArray list, FieldSet last, FieldSet? owned, string field, SchemaContext parent, ListStrategy strategy)
    {
        var itemCtx = parent.Child(field);
        var removedAny = false;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var item = list[i];
            var pe = FieldSets.KeyOf(item, strategy);
            var ls = last.Get(pe);
            if (ls is null)
            {
                continue;
            }

            var os = owned?.Get(pe);
            if (ShouldRemove(ls, os))
            {
                list.RemoveAt(i);
                removedAny = true;
            }
            else if (ls.HasChildren && item is JsonObject io)
            {
                PruneObject(io, ls, os, itemCtx, strategy.Keys);
            }
        }

        return removedAny;
    }
}
