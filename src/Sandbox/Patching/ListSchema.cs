using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

internal enum ListKind
{
    Atomic,
    Set,
    Map,
}

/// <summary>Where a value sits: the field name that holds it (for list elements, the list's field name) and its depth.</summary>
internal readonly record struct SchemaContext(string? Field, int Depth)
{
    public static SchemaContext Root => new(null, 0);

    public SchemaContext Child(string field) => new(field, Depth + 1);

    public bool IsRootMetadata => Depth == 1 && Field == "metadata";
}

/// <summary>How a list merges, and by which keys.</summary>
internal readonly record struct ListStrategy(ListKind Kind, string[] Keys)
{
    public static readonly ListStrategy Atomic = new(ListKind.Atomic, []);
    public static readonly ListStrategy Set = new(ListKind.Set, []);
}

/// <summary>The small slice of the Kubernetes OpenAPI schema that patching and server-side apply need.</summary>
internal static class ListSchema
{
    private static readonly ThreadLocal<StringBuilder?> Builder = new(() => null);

    private static readonly ListStrategy ByName = new(ListKind.Map, ["name"]);
    private static readonly ListStrategy ByIp = new(ListKind.Map, ["ip"]);
    private static readonly ListStrategy ByMountPath = new(ListKind.Map, ["mountPath"]);
    private static readonly ListStrategy ByDevicePath = new(ListKind.Map, ["devicePath"]);
    private static readonly ListStrategy ByType = new(ListKind.Map, ["type"]);
    private static readonly ListStrategy ByUid = new(ListKind.Map, ["uid"]);
    private static readonly ListStrategy ByContainerPort = new(ListKind.Map, ["containerPort", "protocol"]);
    private static readonly ListStrategy ByServicePort = new(ListKind.Map, ["port", "protocol"]);
    private static readonly ListStrategy ByTopology = new(ListKind.Map, ["topologyKey", "whenUnsatisfiable"]);

    /// <summary>Strategy of list field <paramref name="field"/> inside the object at <paramref name="parent"/>.</summary>
    public static ListStrategy For(string field, SchemaContext parent) => field switch
    {
        "containers" or "initContainers" or "ephemeralContainers" or "volumes" or "env" or "imagePullSecrets"
            or "resourceClaims" => ByName,
        "volumeMounts" => ByMountPath,
        "volumeDevices" => ByDevicePath,
        "hostAliases" => ByIp,
        "conditions" => ByType,
        "ownerReferences" => ByUid,
        "topologySpreadConstraints" => ByTopology,
        "finalizers" => ListStrategy.Set,
        "ports" when parent.Field is "containers" or "initContainers" or "ephemeralContainers" => ByContainerPort,
        "ports" when parent.Depth == 1 && parent.Field == "spec" => ByServicePort,
        _ => ListStrategy.Atomic,
    };

    /// <summary>
    /// <see cref="For(string, SchemaContext)"/>, degraded to atomic when a list does not fit its declared keys (an item that is not an object
    /// or lacks a required key, or a set holding non-scalars): merging such items by key would lose some.
    /// </summary>
    public static ListStrategy For(string field, SchemaContext parent, JsonArray? a, JsonArray? b = null)
    {
        var strategy = For(field, parent);
        if (strategy.Kind == ListKind.Atomic || (Fits(a, strategy) && Fits(b, strategy)))
        {
            return strategy;
        }

        return ListStrategy.Atomic;
    }

    private static bool Fits(JsonArray? list, ListStrategy strategy)
    {
        if (list is null)
        {
            return true;
        }

        foreach (var item in list)
        {
            if (strategy.Kind == ListKind.Set)
            {
                if (item is JsonObject or JsonArray)
                {
                    return false;
                }

                continue;
            }

            if (item is not JsonObject o)
            {
                return false;
            }

            if (o.Count == 1 && o.ContainsKey("$patch"))
            {
                continue; // a strategic merge patch list directive
            }

            foreach (var key in strategy.Keys)
            {
                if (key != "protocol" && o[key] is null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Maps that are replaced whole by server-side apply (label selectors, role refs).</summary>
    public static bool IsAtomicMap(string field) =>
        field is "selector" or "podSelector" or "namespaceSelector" or "labelSelector" or "roleRef";

    /// <summary>Fields never tracked as owned, nor diffed, for this object position.</summary>
    public static bool IsIgnored(SchemaContext parent, string field)
    {
        if (parent.Depth == 0)
        {
            return field is "apiVersion" or "kind" or "status";
        }

        return parent.IsRootMetadata && field is "name" or "namespace" or "managedFields" or "resourceVersion" or "uid"
            or "creationTimestamp" or "generation" or "selfLink" or "deletionTimestamp" or "deletionGracePeriodSeconds";
    }

    /// <summary>Value used for a missing key field (protocol defaults to TCP).</summary>
    private static JsonNode? DefaultKey(string key) => key == "protocol" ? JsonValue.Create("TCP") : null;

    /// <summary>
    /// The FieldsV1 path element of a keyed list item: <c>k:{"name":"app"}</c>. Keys are declared in name order above,
    /// as structured-merge-diff sorts them.
    /// </summary>
    public static string ItemKey(JsonNode? item, string[] keys)
    {
        var sb = Builder.Value ??= new StringBuilder(64);
        sb.Clear().Append("k:{");
        var first = true;
        foreach (var key in keys)
        {
            JsonNode? value = null;
            if (item is JsonObject o && o.TryGetPropertyValue(key, out var v) && v is not null)
            {
                value = v;
            }
            else
            {
                value = DefaultKey(key);
                if (value is null)
                {
                    continue;
                }
            }

            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            AppendJsonString(sb, key);
            sb.Append(':');
            AppendJson(sb, value);
        }

        return sb.Append('}').ToString();
    }

    /// <summary>The FieldsV1 path element of a set member: <c>v:"value"</c>.</summary>
    public static string ValueKey(JsonNode? value)
    {
        var sb = Builder.Value ??= new StringBuilder(64);
        sb.Clear().Append("v:");
        AppendJson(sb, value);
        return sb.ToString();
    }

    /// <summary>Compact JSON as Go's encoding/json writes it.</summary>
    public static void AppendJson(StringBuilder sb, JsonNode? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case JsonValue v:
                AppendScalar(sb, v);
                break;
            case JsonObject o:
                {
                    sb.Append('{');
                    var first = true;
                    foreach (var (k, child) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        if (!first)
                        {
                            sb.Append(',');
                        }

                        first = false;
                        AppendJsonString(sb, k);
                        sb.Append(':');
                        AppendJson(sb, child);
                    }

                    sb.Append('}');
                    break;
                }

            case JsonArray a:
                {
                    sb.Append('[');
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }

                        AppendJson(sb, a[i]);
                    }

                    sb.Append(']');
                    break;
                }
        }
    }

    private static void AppendScalar(StringBuilder sb, JsonValue v)
    {
        if (v.TryGetValue<JsonElement>(out var e))
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    AppendJsonString(sb, e.GetString()!);
                    return;
                case JsonValueKind.Number when e.TryGetInt64(out var n):
                    sb.Append(n);
                    return;
                case JsonValueKind.True:
                    sb.Append("true");
                    return;
                case JsonValueKind.False:
                    sb.Append("false");
                    return;
                case JsonValueKind.Null:
                    sb.Append("null");
                    return;
                default:
                    sb.Append(e.GetRawText());
                    return;
            }
        }

        if (v.TryGetValue<string>(out var s))
        {
            AppendJsonString(sb, s);
        }
        else if (v.TryGetValue<long>(out var l))
        {
            sb.Append(l);
        }
        else if (v.TryGetValue<int>(out var i))
        {
            sb.Append(i);
        }
        else if (v.TryGetValue<bool>(out var b))
        {
            sb.Append(b ? "true" : "false");
        }
        else
        {
            sb.Append(v.ToJsonString());
        }
    }

    public static void AppendJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }
}
