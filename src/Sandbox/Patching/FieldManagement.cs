using System.Globalization;
using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>
/// Server-side apply and <c>metadata.managedFields</c> bookkeeping, after Kubernetes' structured-merge-diff:
/// each (manager, operation) owns a FieldsV1 set; apply merges by list keys, detects conflicts with other owners,
/// and prunes fields the applier dropped; other writes take ownership of what they changed.
/// </summary>
public static class FieldManagement
{
    internal const string ApplyOperation = "Apply";
    internal const string UpdateOperation = "Update";

    /// <summary>The manager Kubernetes credits with the fields of an object applied to for the first time without managedFields.</summary>
    public const string BeforeFirstApply = "before-first-apply";

    internal const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>Server-side apply of <paramref name="applied"/> (the manager's full intent) onto <paramref name="live"/> (null = create).</summary>
    public static ApplyResult Apply(JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentException.ThrowIfNullOrEmpty(manager);

        var managers = ManagedFieldsCodec.Read(live);
        if (live is not null && managers.Count == 0)
        {
            // As Kubernetes: fields of an object that has no managedFields yet belong to "before-first-apply".
            var existing = FieldSets.Describe(live, SchemaContext.Root, updateStyle: true);
            if (!existing.IsEmpty)
            {
                managers.Add(new ManagerEntry(BeforeFirstApply, UpdateOperation, null)
                {
                    Set = existing,
                    ApiVersion = Str(live, "apiVersion"),
                    Time = FormatTime(now),
                    Dirty = true,
                });
            }
        }

        var merged = live is null ? new JsonObject() : JsonClone.CloneWithoutManagedFields(live);
        ApplyMerge.MergeObject(merged, applied, SchemaContext.Root);

        var appliedSet = FieldSets.Describe(applied, SchemaContext.Root, updateStyle: false);
        var (changed, removed) = FieldSets.Diff(live, merged);
        var objectChanged = live is null || changed is not null || removed is not null;

        var apiVersion = Str(applied, "apiVersion") ?? Str(live, "apiVersion");

        // Conflicts with every other owner of a field whose value changes.
        List<(ManagerEntry Entry, FieldSet Overlap)>? overlaps = null;
        if (changed is not null)
        {
            foreach (var entry in managers)
            {
                if (entry.Is(manager, ApplyOperation))
                {
                    continue;
                }

                var overlap = entry.Set.Intersect(changed);
                if (overlap is not null && !overlap.IsEmpty)
                {
                    (overlaps ??= []).Add((entry, overlap));
                }
            }
        }

        if (overlaps is not null && !force)
        {
            var conflicts = Conflicts(overlaps, live, manager);
            if (conflicts.Count > 0)
            {
                return new ApplyResult(null, conflicts);
            }
        }

        if (overlaps is not null)
        {
            // Forced (or allowed by the client-side apply upgrade): the applier takes the fields.
            foreach (var (entry, overlap) in overlaps)
            {
                entry.Set.ExceptWith(overlap);
                entry.Dirty = true;
            }
        }

        if (removed is not null)
        {
            // Values the merge removed (a map replaced by a scalar, say) are no longer anyone's.
            foreach (var entry in managers)
            {
                if (!entry.Is(manager, ApplyOperation))
                {
                    entry.Dirty |= entry.Set.ExceptWith(removed);
                }
            }
        }

        var mine = managers.Find(e => e.Is(manager, ApplyOperation));
        var lastSet = mine?.Set;
        if (mine is null)
        {
            mine = new ManagerEntry(manager, ApplyOperation, null) { Dirty = true };
            managers.Add(mine);
        }
        else if (!mine.Set.SetEquals(appliedSet))
        {
            mine.Dirty = true;
        }

        mine.Set = appliedSet;
        if (apiVersion is not null && mine.ApiVersion != apiVersion)
        {
            mine.ApiVersion = apiVersion;
            mine.Dirty = true;
        }

        if (lastSet is not null && lastSet.HasChildren)
        {
            var owned = new FieldSet();
            foreach (var entry in managers)
            {
                owned.UnionWith(entry.Set);
            }

            objectChanged |= Pruner.PruneObject(merged, lastSet, owned, SchemaContext.Root, []);
        }

        if (manager == "kubectl")
        {
            objectChanged |= SyncLastApplied(merged, applied);
        }

        if (objectChanged || mine.Dirty || mine.Time is null)
        {
            mine.Time = FormatTime(now);
        }

        managers.RemoveAll(e => e.Set.IsEmpty);
        ManagedFieldsCodec.Write(merged, managers);
        return new ApplyResult(merged, []);
    }

    /// <summary>
    /// After a non-apply write by <paramref name="manager"/>: records operation=Update ownership of the fields that changed
    /// (all set fields on create) in <paramref name="after"/>.metadata.managedFields, taking them from other managers.
    /// Mutates <paramref name="after"/> only.
    /// </summary>
    public static void RecordUpdate(JsonObject? before, JsonObject after, string manager, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentException.ThrowIfNullOrEmpty(manager);

        List<ManagerEntry> managers;
        var incoming = ManagedFieldsCodec.ManagedFieldsOf(after);
        var previous = ManagedFieldsCodec.ManagedFieldsOf(before);
        if (incoming is JsonArray { Count: 0 } && before is not null)
        {
            // An explicit empty list resets managed fields.
            ((JsonObject)after["metadata"]!).Remove("managedFields");
            return;
        }

        var useIncoming = incoming is JsonArray && !JsonNode.DeepEquals(incoming, previous);
        var (changed, removed) = FieldSets.Diff(before, after);
        if (changed is null && removed is null)
        {
            // Nothing tracked changed (e.g. a status write): keep the managedFields as they are, without re-encoding.
            if (!useIncoming && incoming is null && previous is JsonArray && after["metadata"] is JsonObject meta)
            {
                meta["managedFields"] = JsonClone.Clone(previous);
            }

            return;
        }

        managers = useIncoming ? ManagedFieldsCodec.Read(after) : ManagedFieldsCodec.Read(before);
        var mine = managers.Find(e => e.Is(manager, UpdateOperation));
        foreach (var entry in managers)
        {
            if (entry == mine)
            {
                continue;
            }

            if (changed is not null)
            {
                entry.Dirty |= entry.Set.ExceptWith(changed);
            }

            if (removed is not null)
            {
                entry.Dirty |= entry.Set.ExceptWith(removed);
            }
        }

        if (changed is not null || removed is not null)
        {
            if (mine is null)
            {
                mine = new ManagerEntry(manager, UpdateOperation, null);
                managers.Add(mine);
            }

            var before0 = mine.Set.Clone();
            if (changed is not null)
            {
                mine.Set.UnionWith(changed);
            }

            if (removed is not null)
            {
                mine.Set.ExceptWith(removed);
            }

            if (!before0.SetEquals(mine.Set) || changed is not null)
            {
                mine.Dirty = true;
                mine.Time = FormatTime(now);
            }

            var apiVersion = Str(after, "apiVersion");
            if (apiVersion is not null)
            {
                mine.ApiVersion = apiVersion;
            }
        }

        managers.RemoveAll(e => e.Set.IsEmpty);
        ManagedFieldsCodec.Write(after, managers);
    }

    /// <summary>
    /// The conflicts to report. As Kubernetes' lastAppliedManager: when <c>kubectl</c> applies server-side over an
    /// object it managed with client-side apply, conflicts on fields whose live value still matches the
    /// last-applied-configuration annotation are allowed (the apply then forces), so the switch is seamless.
    /// </summary>
    private static List<FieldConflict> Conflicts(List<(ManagerEntry Entry, FieldSet Overlap)> overlaps, JsonObject? live, string manager)
    {
        FieldSet? allowed = null;
        if (manager == "kubectl" && LastApplied(live) is { } lastApplied)
        {
            allowed = FieldSets.Describe(lastApplied, SchemaContext.Root, updateStyle: false);
            var (differs, _) = FieldSets.Diff(lastApplied, live!);
            if (differs is not null)
            {
                allowed.ExceptWith(differs);
            }
        }

        var conflicts = new List<FieldConflict>();
        foreach (var (entry, overlap) in overlaps)
        {
            var reported = overlap;
            if (allowed is not null)
            {
                reported = overlap.Clone();
                reported.ExceptWith(allowed);
            }

            foreach (var path in reported.MemberPaths())
            {
                conflicts.Add(new FieldConflict(entry.Manager, path)
                {
                    Operation = entry.Operation,
                    ApiVersion = entry.ApiVersion,
                    Subresource = entry.Subresource,
                });
            }
        }

        return conflicts;
    }

    /// <summary>
    /// As Kubernetes' lastAppliedUpdater: a server-side apply by <c>kubectl</c> keeps an existing
    /// last-applied-configuration annotation in step with what was applied (compact JSON, keys sorted, without the
    /// annotation itself), so a later client-side apply diffs against the right configuration.
    /// </summary>
    private static bool SyncLastApplied(JsonObject result, JsonObject applied)
    {
        if (result["metadata"] is not JsonObject metadata || metadata["annotations"] is not JsonObject annotations
            || !annotations.ContainsKey(LastAppliedAnnotation))
        {
            return false;
        }

        var copy = JsonClone.CloneObject(applied);
        if (copy["metadata"] is JsonObject m && m["annotations"] is JsonObject a)
        {
            a.Remove(LastAppliedAnnotation);
        }

        var sb = new System.Text.StringBuilder();
        ListSchema.AppendJson(sb, copy);
        var text = sb.Append('\n').ToString();
        if (Str(annotations, LastAppliedAnnotation) == text)
        {
            return false;
        }

        annotations[LastAppliedAnnotation] = text;
        return true;
    }

    private static JsonObject? LastApplied(JsonObject? live)
    {
        if (live?["metadata"] is not JsonObject metadata || metadata["annotations"] is not JsonObject annotations
            || Str(annotations, LastAppliedAnnotation) is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    internal static string? Str(JsonObject? o, string name) =>
        o is not null && o.TryGetPropertyValue(name, out var v) && v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : null;

    internal static string FormatTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>One entry of metadata.managedFields.</summary>
internal sealed class ManagerEntry(string manager, string operation, string? subresource)
{
    public string Manager { get; } = manager;

    public string Operation { get; } = operation;

    public string? Subresource { get; } = subresource;

    public string? ApiVersion { get; set; }

    public string? Time { get; set; }

    public FieldSet Set { get; set; } = new();

    /// <summary>The original fieldsV1 JSON, reused on write while the set is unchanged.</summary>
    public JsonNode? OriginalFields { get; set; }

    public bool Dirty { get; set; }

    public bool Is(string manager, string operation) =>
        Manager == manager && Operation == operation && string.IsNullOrEmpty(Subresource);
}

internal static class ManagedFieldsCodec
{
    public static List<ManagerEntry> Read(JsonObject? obj)
    {
        var result = new List<ManagerEntry>();
        if (ManagedFieldsOf(obj) is not JsonArray entries)
        {
            return result;
        }

        foreach (var node in entries)
        {
            if (node is not JsonObject e)
            {
                continue;
            }

            var manager = Str(e, "manager") ?? "";
            var operation = Str(e, "operation") ?? FieldManagement.UpdateOperation;
            var subresource = Str(e, "subresource");
            var existing = result.Find(x => x.Manager == manager && x.Operation == operation && x.Subresource == subresource);
            var set = FieldSet.FromFieldsV1(e["fieldsV1"]);
            if (existing is not null)
            {
                existing.Set.UnionWith(set);
                existing.Dirty = true;
                continue;
            }

            result.Add(new ManagerEntry(manager, operation, subresource)
            {
                ApiVersion = Str(e, "apiVersion"),
                Time = Str(e, "time"),
                Set = set,
                OriginalFields = e["fieldsV1"],
            });
        }

        return result;
    }

    private static string? Str(JsonObject o, string name) => FieldManagement.Str(o, name);

    public static JsonNode? ManagedFieldsOf(JsonObject? obj) =>
        obj is not null && obj.TryGetPropertyValue("metadata", out var m) && m is JsonObject metadata
            && metadata.TryGetPropertyValue("managedFields", out var mf)
            ? mf
            : null;

    public static void Write(JsonObject obj, List<ManagerEntry> managers)
    {
        if (managers.Count == 0)
        {
            if (obj["metadata"] is JsonObject m)
            {
                m.Remove("managedFields");
            }

            return;
        }

        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        managers.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Operation, b.Operation);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.Time, b.Time);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.Manager, b.Manager);
            return c != 0 ? c : string.CompareOrdinal(a.Subresource, b.Subresource);
        });

        var array = new JsonArray();
        foreach (var m in managers)
        {
            var e = new JsonObject
            {
                ["manager"] = m.Manager,
                ["operation"] = m.Operation,
            };
            if (m.ApiVersion is not null)
            {
                e["apiVersion"] = m.ApiVersion;
            }

            if (m.Time is not null)
            {
                e["time"] = m.Time;
            }

            e["fieldsType"] = "FieldsV1";
            e["fieldsV1"] = !m.Dirty && m.OriginalFields is not null ? JsonClone.Clone(m.OriginalFields) : m.Set.ToFieldsV1();
            if (!string.IsNullOrEmpty(m.Subresource))
            {
                e["subresource"] = m.Subresource;
            }

            array.Add(e);
        }

        metadata["managedFields"] = array;
    }
}
