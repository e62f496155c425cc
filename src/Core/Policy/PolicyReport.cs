namespace RunnerConsole.Core.Policy;

/// <summary>Result of <see cref="PolicyEngine.Evaluate"/>: findings in a deterministic order, with counts.</summary>
public sealed record PolicyReport
{
    public PolicyReport(IEnumerable<PolicyFinding> findings, int objectCount)
    {
        Findings = [.. findings.Order(FindingOrder.Instance)];
        ObjectCount = objectCount;
        Errors = Findings.Count(f => f.Severity == PolicySeverity.Error);
        Warnings = Findings.Count(f => f.Severity == PolicySeverity.Warning);
        AcceptedExceptions = Findings.Count(f => f.Severity == PolicySeverity.AcceptedException);
    }

    /// <summary>
    /// Findings ordered by severity (errors, warnings, accepted exceptions), then object (namespace, kind, name),
    /// rule id, field path and message — ordinal comparisons, so the order does not depend on input order or culture.
    /// </summary>
    public IReadOnlyList<PolicyFinding> Findings { get; }

    /// <summary>Number of objects checked.</summary>
    public int ObjectCount { get; }

    public int Errors { get; }

    public int Warnings { get; }

    public int AcceptedExceptions { get; }

    public bool HasErrors => Errors > 0;

    /// <summary>Count of findings with the given severity.</summary>
    public int Count(PolicySeverity severity) => severity switch
    {
        PolicySeverity.Error => Errors,
        PolicySeverity.Warning => Warnings,
        _ => AcceptedExceptions,
    };

    /// <summary>e.g. <c>3 errors, 5 warnings, 2 accepted exceptions in 14 objects</c>.</summary>
    public string Summary =>
        $"{Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Plural(AcceptedExceptions, "accepted exception")} in {Plural(ObjectCount, "object")}";

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private sealed class FindingOrder : IComparer<PolicyFinding>
    {
        public static readonly FindingOrder Instance = new();

        public int Compare(PolicyFinding? x, PolicyFinding? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            int[] steps =
            [
                x.Severity.CompareTo(y.Severity),
                string.CompareOrdinal(x.Object.Namespace ?? string.Empty, y.Object.Namespace ?? string.Empty),
                string.CompareOrdinal(x.Object.Kind, y.Object.Kind),
                string.CompareOrdinal(x.Object.Name, y.Object.Name),
                string.CompareOrdinal(x.Object.ApiVersion, y.Object.ApiVersion),
                string.CompareOrdinal(x.RuleId, y.RuleId),
                string.CompareOrdinal(x.FieldPath, y.FieldPath),
                string.CompareOrdinal(x.Message, y.Message),
                string.CompareOrdinal(x.Object.Source, y.Object.Source),
            ];
            var c = steps.FirstOrDefault(s => s != 0);
            return c;
        }
    }
}
