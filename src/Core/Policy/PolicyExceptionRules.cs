using System.Text.RegularExpressions;

namespace RunnerConsole.Core.Policy;

/// <summary>
/// Accepted exceptions: the <see cref="PolicyAnnotations.PolicyException"/> annotation turns the listed rules' findings
/// on that object into <see cref="PolicySeverity.AcceptedException"/> with the recorded reason.
/// </summary>
public static partial class PolicyExceptionRules
{
    private const string Family = "Policy exceptions";

    public static readonly PolicyRule Malformed = new("PE001", Family, PolicySeverity.Error, "Policy exception annotations must list known rule ids and a reason");
    public static readonly PolicyRule Unused = new("PE002", Family, PolicySeverity.Warning, "Policy exceptions should waive a finding that exists");

    public static IReadOnlyList<PolicyRule> All { get; } = [Malformed, Unused];

    private const string Format = "\"<rule ids>; <reason>\", e.g. \"PS007, PS003; dagger engine runs BuildKit, which needs a privileged container\"";

    /// <summary>A parsed annotation value: the waived rule ids and the reason.</summary>
    public sealed record ExceptionAnnotation(IReadOnlyList<string> RuleIds, string Reason);

    /// <summary>
    /// Parses an annotation value <c>"&lt;rule ids&gt;; &lt;reason&gt;"</c>. Returns null and a problem description
    /// when the value is malformed or names an unknown rule.
    /// </summary>
    public static ExceptionAnnotation? Parse(string value, out string? problem)
    {
        problem = null;
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        if (semicolon < 0)
        {
            problem = $"has no ';' between the rule ids and the reason; expected {Format}.";
            return null;
        }

        var tokens = IdSeparator().Split(value[..semicolon]).Where(s => s.Length > 0).ToList();
        var ids = tokens.Select(s => s.ToUpperInvariant()).Distinct().ToList();
        var reason = value[(semicolon + 1)..].Trim();
        if (ids.Count == 0)
        {
            problem = $"lists no rule ids; expected {Format}.";
            return null;
        }

        if (reason.Length == 0)
        {
            problem = $"gives no reason after ';'; reviewers need to know why the exception is acceptable. Expected {Format}.";
            return null;
        }

        var unknown = tokens.Where(t => PolicyEngine.FindRule(t.ToUpperInvariant()) is null).ToList();
        if (unknown.Count > 0)
        {
            problem = $"names unknown rule id(s) {string.Join(", ", unknown)}; use the ids the report shows (PS001…PS013, RB…, IM…, SE…, RS…).";
            return null;
        }

        var notWaivable = ids.Where(id => id.StartsWith("PE", StringComparison.Ordinal)).ToList();
        if (notWaivable.Count > 0)
        {
            problem = $"tries to waive {string.Join(", ", notWaivable)}; policy exception rules cannot be waived.";
            return null;
        }

        return new ExceptionAnnotation(ids, reason);
    }

    internal static IEnumerable<PolicyFinding> Apply(PolicyContext ctx)
    {
        var byObject = ctx.Findings.ToLookup(f => f.Manifest.Object, ReferenceEqualityComparer.Instance);
        foreach (var manifest in ctx.Set)
        {
            var findings = byObject[manifest.Object].Select(f => f.Finding);
            if (manifest.Object.Metadata?.Annotations?.TryGetValue(PolicyAnnotations.PolicyException, out var value) != true)
            {
                foreach (var f in findings)
                {
                    yield return f;
                }

                continue;
            }

            var exception = Parse(value!, out var problem);
            var field = $"metadata.annotations[\"{PolicyAnnotations.PolicyException}\"]";
            var obj = PolicyObjectRef.From(manifest);
            if (exception is null)
            {
                yield return new PolicyFinding(Malformed.Id, Malformed.Severity, obj, field,
                    $"The policy exception annotation {problem} No finding on this object is waived.",
                    $"Write the annotation as {Format}, using rule ids from the report.");
                foreach (var f in findings)
                {
                    yield return f;
                }

                continue;
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in findings)
            {
                if (exception.RuleIds.Contains(f.RuleId))
                {
                    used.Add(f.RuleId);
                    yield return f with { Severity = PolicySeverity.AcceptedException, ExceptionReason = exception.Reason };
                }
                else
                {
                    yield return f;
                }
            }

            foreach (var id in exception.RuleIds.Where(id => !used.Contains(id)))
            {
                yield return new PolicyFinding(Unused.Id, Unused.Severity, obj, field,
                    $"The policy exception waives {id}, but {id} reports nothing on this object.",
                    $"Remove {id} from the annotation so the exception list stays accurate.");
            }
        }
    }

    [GeneratedRegex(@"[\s,]+")]
    private static partial Regex IdSeparator();
}
