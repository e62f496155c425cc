using System.Globalization;

namespace RunnerConsole.Sandbox.Faults;

/// <summary>What a matching fault rule does to the request.</summary>
public enum FaultAction
{
    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> and the matching Kubernetes Status (500, 503, 429, 403, 409, ...).</summary>
    Status,

    /// <summary>Close the connection without an answer.</summary>
    Drop,

    /// <summary>Never answer; the client times out.</summary>
    Hang,
}

/// <summary>
/// A fault injected into matching requests. Matches by Kubernetes verb (<c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>,
/// <c>update</c>, <c>patch</c>, <c>delete</c>, <c>deletecollection</c>, or <c>write</c> for any of the writing verbs,
/// <c>read</c> for get/list/watch), resource (plural, e.g. <c>deployments</c>), namespace and name; <c>null</c> matches anything.
/// Non-resource paths (discovery, <c>/version</c>, <c>/openapi/...</c>) are only matched by a rule whose
/// <see cref="Resource"/> is a path prefix starting with <c>/</c> (e.g. <c>/version</c>, <c>/apis</c>).
/// <see cref="Nth"/> fires only on the nth matching request (1-based); <see cref="Times"/> limits how often it fires.
/// </summary>
public sealed record FaultRule
{
    public string? Verb { get; init; }

    public string? Resource { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public int? Nth { get; init; }

    public int? Times { get; init; }

    public FaultAction Action { get; init; } = FaultAction.Status;

    public int StatusCode { get; init; } = 500;

    public int RetryAfterSeconds { get; init; } = 1;

    public string? Message { get; init; }

    public static FaultRule Error(int statusCode, string? verb = null, string? resource = null, string? name = null, int? nth = null) =>
        new() { StatusCode = statusCode, Verb = verb, Resource = resource, Name = name, Nth = nth };

    /// <summary>
    /// Parses the CLI form: comma-separated <c>key=value</c> pairs, keys <c>verb</c>, <c>resource</c>, <c>namespace</c>,
    /// <c>name</c>, <c>nth</c>, <c>times</c>, <c>retry-after</c>, <c>message</c> and <c>action</c> =
    /// <c>500|503|429|403|409|&lt;code&gt;|drop|hang</c>. Example: <c>verb=write,resource=deployments,nth=3,action=503</c>.
    /// </summary>
    public static FaultRule Parse(string text)
    {
        var rule = new FaultRule();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"fault rule '{text}': expected key=value, got '{part}'");
            }

            var key = part[..eq].Trim().ToLowerInvariant();
            var value = part[(eq + 1)..].Trim();
            rule = key switch
            {
                "verb" => rule with { Verb = value },
                "resource" => rule with { Resource = value },
                "namespace" or "ns" => rule with { Namespace = value },
                "name" => rule with { Name = value },
                "nth" => rule with { Nth = Int(value, key, text) },
                "times" => rule with { Times = Int(value, key, text) },
                "retry-after" => rule with { RetryAfterSeconds = Int(value, key, text) },
                "message" => rule with { Message = value },
                "action" or "status" => value.ToLowerInvariant() switch
                {
                    "drop" => rule with { Action = FaultAction.Drop },
                    "hang" => rule with { Action = FaultAction.Hang },
                    _ => rule with { Action = FaultAction.Status, StatusCode = Int(value, key, text) },
                },
                _ => throw new FormatException($"fault rule '{text}': unknown key '{key}' (verb, resource, namespace, name, nth, times, retry-after, message, action)"),
            };
        }

        return rule;
    }

    private static int Int(string value, string key, string text) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new FormatException($"fault rule '{text}': {key} must be a non-negative number, got '{value}'");

    internal bool MatchesVerb(string verb) => Verb switch
    {
        null or "*" => true,
        "write" => verb is "create" or "update" or "patch" or "delete" or "deletecollection",
        "read" => verb is "get" or "list" or "watch",
        _ => string.Equals(Verb, verb, StringComparison.OrdinalIgnoreCase),
    };
}

/// <summary>The fault rules of one sandbox; thread-safe, settable while it runs.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Entry> _rules = [];

    private sealed class Entry(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int Matches { get; set; }

        public int Fired { get; set; }
    }

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(new Entry(rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(e => e.Rule).ToList();
            }
        }
    }

    /// <summary>Whether a 403 rule would deny this access (without counting it as an occurrence).</summary>
    internal bool Denies(string verb, string resource, string? ns, string? name)
    {
        lock (_gate)
        {
            return _rules.Any(e => e.Rule is { Action: FaultAction.Status, StatusCode: 403, Nth: null } r
                && r.MatchesVerb(verb)
                && (r.Resource is null || r.Resource == "*" || string.Equals(r.Resource, resource, StringComparison.OrdinalIgnoreCase))
                && (r.Namespace is null || r.Namespace == ns)
                && (r.Name is null || r.Name == name)
                && (r.Times is null || e.Fired < r.Times));
        }
    }

    /// <summary>The rule that fires for a non-resource request (a rule whose resource is a path prefix), counting occurrences.</summary>
    internal FaultRule? MatchPath(string verb, string path) =>
        Fire(r => r.Resource is { Length: > 0 } prefix && prefix[0] == '/' && path.StartsWith(prefix, StringComparison.Ordinal) && r.MatchesVerb(verb));

    /// <summary>The rule that fires for this request, counting occurrences; null when none.</summary>
    internal FaultRule? Match(string verb, string resource, string? ns, string? name) =>
        Fire(r => r.MatchesVerb(verb)
            && (r.Resource is null || r.Resource == "*" || string.Equals(r.Resource, resource, StringComparison.OrdinalIgnoreCase))
            && (r.Namespace is null || r.Namespace == ns)
            && (r.Name is null || r.Name == name));

    private FaultRule? Fire(Func<FaultRule, bool> matches)
    {
        lock (_gate)
        {
            foreach (var e in _rules)
            {
                var r = e.Rule;
                if (!matches(r))
                {
                    continue;
                }

                e.Matches++;
                if (r.Nth is { } nth && e.Matches != nth)
                {
                    continue;
                }

                if (r.Times is { } times && e.Fired >= times)
                {
                    continue;
                }

                e.Fired++;
                return r;
            }

            return null;
        }
    }
}
