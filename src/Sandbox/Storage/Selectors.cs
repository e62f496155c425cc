using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Api;

namespace RunnerConsole.Sandbox.Storage;

/// <summary>A parsed label selector (equality- and set-based), as <c>?labelSelector=</c> carries it.</summary>
public sealed class LabelSelector
{
    private enum Op { Eq, NotEq, In, NotIn, Exists, NotExists }

    private readonly List<(string Key, Op Op, string[] Values)> _terms = [];

    public static readonly LabelSelector Everything = new();

    public bool IsEmpty => _terms.Count == 0;

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var raw in SplitTopLevel(text))
        {
            var term = raw.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            var inAt = IndexOfWord(term, " in ");
            var notInAt = IndexOfWord(term, " notin ");
            if (notInAt > 0)
            {
                selector._terms.Add((Key(term[..notInAt]), Op.NotIn, SetValues(term[(notInAt + 7)..])));
            }
            else if (inAt > 0)
            {
                selector._terms.Add((Key(term[..inAt]), Op.In, SetValues(term[(inAt + 4)..])));
            }
            else if (term.Contains("!=", StringComparison.Ordinal))
            {
                var i = term.IndexOf("!=", StringComparison.Ordinal);
                selector._terms.Add((Key(term[..i]), Op.NotEq, [term[(i + 2)..].Trim()]));
            }
            else if (term.Contains("==", StringComparison.Ordinal))
            {
                var i = term.IndexOf("==", StringComparison.Ordinal);
                selector._terms.Add((Key(term[..i]), Op.Eq, [term[(i + 2)..].Trim()]));
            }
            else if (term.Contains('=', StringComparison.Ordinal))
            {
                var i = term.IndexOf('=', StringComparison.Ordinal);
                selector._terms.Add((Key(term[..i]), Op.Eq, [term[(i + 1)..].Trim()]));
            }
            else if (term.StartsWith('!'))
            {
                selector._terms.Add((Key(term[1..]), Op.NotExists, []));
            }
            else
            {
                selector._terms.Add((Key(term), Op.Exists, []));
            }
        }

        return selector;
    }

    /// <summary>From a <c>LabelSelector</c> object (matchLabels + matchExpressions) as workloads carry it.</summary>
    public static LabelSelector FromObject(JsonNode? node)
    {
        var selector = new LabelSelector();
        if (node is not JsonObject o)
        {
            return selector;
        }

        foreach (var (k, v) in Json.StringMap(o["matchLabels"]))
        {
            selector._terms.Add((k, Op.Eq, [v]));
        }

        if (o["matchExpressions"] is JsonArray expressions)
        {
            foreach (var e in expressions.OfType<JsonObject>())
            {
                var key = Json.Str(e, "key") ?? "";
                var values = (e["values"] as JsonArray)?.Select(v => v?.ToString() ?? "").ToArray() ?? [];
                var op = Json.Str(e, "operator") switch
                {
                    "In" => Op.In,
                    "NotIn" => Op.NotIn,
                    "Exists" => Op.Exists,
                    _ => Op.NotExists,
                };
                selector._terms.Add((key, op, values));
            }
        }

        return selector;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, op, values) in _terms)
        {
            var has = labels.TryGetValue(key, out var value);
            var ok = op switch
            {
                Op.Eq => has && value == values[0],
                Op.NotEq => !has || value != values[0],
                Op.In => has && values.Contains(value),
                Op.NotIn => !has || !values.Contains(value),
                Op.Exists => has,
                _ => !has,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public bool Matches(JsonObject obj) => IsEmpty || Matches(Json.Labels(obj));

    private static string Key(string s)
    {
        var key = s.Trim();
        if (key.Length == 0)
        {
            throw ApiException.BadRequest("unable to parse requirement: found '', expected: identifier");
        }

        return key;
    }

    private static string[] SetValues(string s)
    {
        s = s.Trim();
        if (!s.StartsWith('(') || !s.EndsWith(')'))
        {
            throw ApiException.BadRequest($"unable to parse requirement: found '{s}', expected: '('");
        }

        return s[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static int IndexOfWord(string term, string word) => term.IndexOf(word, StringComparison.Ordinal);

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }
}

/// <summary>A parsed field selector: <c>metadata.name=x</c>, <c>metadata.namespace!=y</c>, any dotted path.</summary>
public sealed class FieldSelector
{
    private readonly List<(string[] Path, bool Equal, string Value)> _terms = [];

    public static readonly FieldSelector Everything = new();

    public bool IsEmpty => _terms.Count == 0;

    public static FieldSelector Parse(string? text)
    {
        var selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int i;
            bool equal;
            int skip;
            if ((i = raw.IndexOf("!=", StringComparison.Ordinal)) > 0)
            {
                equal = false;
                skip = 2;
            }
            else if ((i = raw.IndexOf("==", StringComparison.Ordinal)) > 0)
            {
                equal = true;
                skip = 2;
            }
            else if ((i = raw.IndexOf('=', StringComparison.Ordinal)) > 0)
            {
                equal = true;
                skip = 1;
            }
            else
            {
                throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{raw}'");
            }

            selector._terms.Add((raw[..i].Trim().Split('.'), equal, raw[(i + skip)..].Trim()));
        }

        return selector;
    }

    /// <summary>The name a <c>metadata.name=</c> term pins, if any (lets a watch skip other objects cheaply).</summary>
    public string? PinnedName => _terms.FirstOrDefault(t => t.Equal && t.Path is ["metadata", "name"]).Value;

    public bool Matches(JsonObject obj)
    {
        foreach (var (path, equal, value) in _terms)
        {
            var node = Json.At(obj, path);
            var actual = node is JsonValue v ? Json.ScalarText(v) : "";
            if ((actual == value) != equal)
            {
                return false;
            }
        }

        return true;
    }
}
