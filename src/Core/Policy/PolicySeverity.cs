namespace RunnerConsole.Core.Policy;

/// <summary>
/// How serious a finding is. The numeric order is the report order: errors first, then warnings,
/// then accepted exceptions (still listed, so reviewers see what was waived and why).
/// </summary>
public enum PolicySeverity
{
    /// <summary>Must be fixed before the manifests go to a cluster; <c>runner-console lint</c> exits 1.</summary>
    Error = 0,

    /// <summary>Should be fixed; does not fail <c>lint</c>.</summary>
    Warning = 1,

    /// <summary>
    /// A finding waived by a <see cref="PolicyAnnotations.PolicyException"/> annotation on the object.
    /// Shown with the recorded reason; does not fail <c>lint</c>.
    /// </summary>
    AcceptedException = 2,
}

public static class PolicySeverityExtensions
{
    /// <summary>Stable lower-case name used in JSON and tables: <c>error</c>, <c>warning</c>, <c>accepted-exception</c>.</summary>
    public static string ToWireName(this PolicySeverity severity) => severity switch
    {
        PolicySeverity.Error => "error",
        PolicySeverity.Warning => "warning",
        PolicySeverity.AcceptedException => "accepted-exception",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
