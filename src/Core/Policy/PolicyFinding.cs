using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Policy;

/// <summary>The object a finding is about.</summary>
public sealed record PolicyObjectRef(string ApiVersion, string Kind, string Name, string? Namespace, string Source)
{
    public static PolicyObjectRef From(Manifest manifest) => new(
        manifest.ApiVersion ?? string.Empty,
        manifest.Kind ?? string.Empty,
        manifest.Object.Metadata?.Name ?? string.Empty,
        manifest.Object.Metadata?.NamespaceProperty,
        manifest.Source);

    /// <summary><c>Kind/name</c>, with <c> (ns namespace)</c> when namespaced — e.g. <c>Deployment/tool-manager (ns kubiya)</c>.</summary>
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Name} (ns {Namespace})";
}

/// <summary>
/// One violation of a rule. Messages and fixes never contain secret values: secret-related findings name the key
/// and its length only.
/// </summary>
/// <param name="RuleId">Id of the <see cref="PolicyRule"/>.</param>
/// <param name="Severity">Effective severity (the rule's, or <see cref="PolicySeverity.AcceptedException"/>).</param>
/// <param name="Object">The offending object.</param>
/// <param name="FieldPath">
/// Path of the field inside the object, dot-separated, list items selected by name where they have one
/// (<c>spec.template.spec.containers[name=tool-manager].securityContext.runAsNonRoot</c>) and by index otherwise
/// (<c>rules[0].verbs</c>). Points at the field to set even when it is absent.
/// </param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="ExceptionReason">For accepted exceptions: the reason recorded in the annotation.</param>
public sealed record PolicyFinding(
    string RuleId,
    PolicySeverity Severity,
    PolicyObjectRef Object,
    string FieldPath,
    string Message,
    string Fix,
    string? ExceptionReason = null);
