using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>
/// A set of field paths as a tree of path elements (<c>f:name</c>, <c>k:{...}</c>, <c>v:value</c>, <c>i:index</c>),
/// serialised as Kubernetes FieldsV1. <see cref="Member"/> is the <c>"."</c> marker (or a leaf).
/// </summary>
internal sealed class FieldSet
{
    public bool Member { get; set; }

    public Dictionary<string, FieldSet>? Children { get; private set; }

    public bool IsEmpty => !Member && (Children is null || Children.Count == 0);

    public bool HasChildren => Children is { Count: > 0 };

    public FieldSet? Get(string pathElement) =>
        Children is not null && Children.TryGetValue(pathElement, out var child) ? child : null;

    public FieldSet GetOrAdd(string pathElement)
    {
        Children ??= new Dictionary<string, FieldSet>(StringComparer.Ordinal);
        if (!Children.TryGetValue(pathElement, out var child))
        {
            child = new FieldSet();
            Children[pathElement] = child;
        }

        return child;
    }

    public void Remove(string pathElement) => Children?.Remove(pathElement);

    public FieldSet Clone()
    {
        var copy = new FieldSet { Member = Member };
        if (Children is not null)
        {
            foreach (var (k, v) in Children)
            {
                copy.GetOrAdd(k).CopyFrom(v);
            }
        }

        return copy;
    }

    private void CopyFrom(FieldSet other)
    {
        Member = other.Member;
        if (other.Children is not null)
        {
            foreach (var (k, v) in other.Children)
            {
                GetOrAdd(k).CopyFrom(v);
            }
        }
    }

    /// <summary>Adds every member of <paramref name="other"/>.</summary>
    public void UnionWith(FieldSet other)
    {
        Member |= other.Member;
        if (other.Children is not null)
        {
            foreach (var (k, v) in other.Children)
            {
                GetOrAdd(k).UnionWith(v);
            }
        }
    }

    /// <summary>Removes every member of <paramref name="other"/>; returns true when something was removed.</summary>
    public bool ExceptWith(FieldSet other)
    {
        var changed = false;
        if (other.Member && Member)
        {
            Member = false;
            changed = true;
        }

        if (Children is not null && other.Children is not null)
        {
            foreach (var (k, v) in other.Children)
            {
                if (Children.TryGetValue(k, out var mine))
                {
                    changed |= mine.ExceptWith(v);
                    if (mine.IsEmpty)
                    {
                        Children.Remove(k);
                    }
                }
            }
        }

        return changed;
    }

    /// <summary>Members in both sets (null when none).</summary>
    public FieldSet? Intersect(FieldSet other)
    {
        FieldSet? result = null;
        if (Member && other.Member)
        {
            result = new FieldSet { Member = true };
        }

        if (Children is not null && other.Children is not null)
        {
            var (small, large) = Children.Count <= other.Children.Count ? (Children, other.Children) : (other.Children, Children);
            foreach (var (k, v) in small)
            {
                if (large.TryGetValue(k, out var w) && v.Intersect(w) is { } child)
                {
                    result ??= new FieldSet();
                    result.GetOrAdd(k).CopyFrom(child);
                }
            }
        }

        return result;
    }

    public bool SetEquals(FieldSet other)
    {
        if (Member != other.Member)
        {
            return false;
        }

        var a = Children?.Count ?? 0;
        var b = other.Children?.Count ?? 0;
        if (a != b)
        {
            return false;
        }

        if (a == 0)
        {
            return true;
        }

        foreach (var (k, v) in Children!)
        {
            if (!other.Children!.TryGetValue(k, out var w) || !v.SetEquals(w))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses FieldsV1 JSON.</summary>
    public static FieldSet FromFieldsV1(JsonNode? json)
    {
        var set = new FieldSet();
        if (json is JsonObject o)
        {
            set.ReadChildren(o);
        }

        return set;
    }

    private void ReadChildren(JsonObject o)
    {
        foreach (var (k, v) in o)
        {
            if (k == ".")
            {
                Member = true;
                continue;
            }

            var child = GetOrAdd(k);
            if (v is JsonObject co && co.Count > 0)
            {
                child.ReadChildren(co);
            }
            else
            {
                child.Member = true;
            }
        }
    }

    /// <summary>Serialises as FieldsV1, ordered as Kubernetes orders path elements.</summary>
    public JsonObject ToFieldsV1()
    {
        var o = new JsonObject();
        WriteChildren(o);
        return o;
    }

    private void WriteChildren(JsonObject o)
    {
        if (Children is null)
        {
            return;
        }

        foreach (var key in SortedKeys())
        {
            var child = Children[key];
            var co = new JsonObject();
            if (child.HasChildren)
            {
                if (child.Member)
                {
                    co["."] = new JsonObject();
                }

                child.WriteChildren(co);
            }

            o[key] = co;
        }
    }

    private List<string> SortedKeys()
    {
        var keys = new List<string>(Children!.Keys);
        if (keys.Count < 2)
        {
            return keys;
        }

        var needsParse = false;
        foreach (var k in keys)
        {
            needsParse |= k.Length > 1 && k[0] is 'k' or 'v';
        }

        if (!needsParse)
        {
            keys.Sort(PathElementComparer.Instance);
            return keys;
        }

        // Parse keyed and value elements once, not per comparison.
        var parsed = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            if (k.Length > 1 && k[0] is 'k' or 'v')
            {
                parsed[k] = PathElementComparer.Parse(k);
            }
        }

        keys.Sort(new PathElementComparer(parsed));
        return keys;
    }

    /// <summary>Member paths in kubectl's notation (<c>.spec.containers[name="app"].image</c>), in order.</summary>
    public List<string> MemberPaths()
    {
        var result = new List<string>();
        CollectPaths(new StringBuilder(), result);
        return result;
    }

    private void CollectPaths(StringBuilder prefix, List<string> result)
    {
        if (Member && prefix.Length > 0)
        {
            result.Add(prefix.ToString());
        }

        if (Children is null)
        {
            return;
        }

        foreach (var key in SortedKeys())
        {
            var length = prefix.Length;
            AppendPathElement(prefix, key);
            Children[key].CollectPaths(prefix, result);
            prefix.Length = length;
        }
    }

    internal static void AppendPathElement(StringBuilder sb, string element)
    {
        if (element.Length < 2 || element[1] != ':')
        {
            sb.Append('.').Append(element);
            return;
        }

        var body = element.AsSpan(2);
        switch (element[0])
        {
            case 'f':
                sb.Append('.').Append(body);
                break;
            case 'v':
                sb.Append("[=").Append(body).Append(']');
                break;
            case 'i':
                sb.Append('[').Append(body).Append(']');
                break;
            case 'k':
                {
                    sb.Append('[');
                    try
                    {
                        var first = true;
                        foreach (var (k, v) in JsonNode.Parse(element[2..])!.AsObject())
                        {
                            if (!first)
                            {
                                sb.Append(',');
                            }

                            first = false;
                            sb.Append(k).Append('=');
                            ListSchema.AppendJson(sb, v);
                        }
                    }
                    catch (JsonException)
                    {
                        sb.Append(body);
                    }

                    sb.Append(']');
                    break;
                }

            default:
                sb.Append(element);
                break;
        }
    }

    public override string ToString() => ToFieldsV1().ToJsonString();

    /// <summary>Orders path elements as structured-merge-diff does: fields, then keys, then values, then indexes.</summary>
    private sealed class PathElementComparer(Dictionary<string, JsonNode?>? parsed = null) : IComparer<string>
    {
        public static readonly PathElementComparer Instance = new();

        private JsonNode? Get(string s) => parsed is not null && parsed.TryGetValue(s, out var n) ? n : Parse(s);

        private static int Rank(char c) => c switch
        {
            'f' => 0,
            'k' => 1,
            'v' => 2,
            'i' => 3,
            _ => 4,
        };

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null || x.Length < 2 || y.Length < 2)
            {
                return string.CompareOrdinal(x, y);
            }

            var rank = Rank(x[0]).CompareTo(Rank(y[0]));
            if (rank != 0)
            {
                return rank;
            }

            switch (x[0])
            {
                case 'i':
                    return ParseIndex(x).CompareTo(ParseIndex(y));
                case 'v':
                    return CompareValues(Get(x), Get(y));
                case 'k':
                    {
                        if (Get(x) is JsonObject a && Get(y) is JsonObject b)
                        {
                            var ea = a.ToList();
                            var eb = b.ToList();
                            for (var i = 0; i < Math.Min(ea.Count, eb.Count); i++)
                            {
                                var c = string.CompareOrdinal(ea[i].Key, eb[i].Key);
                                if (c != 0)
                                {
                                    return c;
                                }

                                c = CompareValues(ea[i].Value, eb[i].Value);
                                if (c != 0)
                                {
                                    return c;
                                }
                            }

                            return ea.Count.CompareTo(eb.Count);
                        }

                        return string.CompareOrdinal(x, y);
                    }

                default:
                    return string.CompareOrdinal(x, y);
            }
        }

        private static int ParseIndex(string s) =>
            int.TryParse(s.AsSpan(2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;

        public static JsonNode? Parse(string s)
        {
            try
            {
                return JsonNode.Parse(s[2..]);
            }
            catch (JsonException)
            {
                return JsonValue.Create(s[2..]);
            }
        }

        private static int CompareValues(JsonNode? a, JsonNode? b)
        {
            if (a is JsonValue va && b is JsonValue vb)
            {
                var ka = va.GetValueKind();
                var kb = vb.GetValueKind();
                if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
                {
                    return va.GetValue<double>().CompareTo(vb.GetValue<double>());
                }

                if (ka == JsonValueKind.String && kb == JsonValueKind.String)
                {
                    return string.CompareOrdinal(va.GetValue<string>(), vb.GetValue<string>());
                }
            }

            return string.CompareOrdinal(a?.ToJsonString(), b?.ToJsonString());
        }
    }
}
