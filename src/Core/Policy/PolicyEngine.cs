using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Policy;

/// <summary>
/// Evaluates the policy rules over a <see cref="ManifestSet"/> (the rendered runner, or any multi-document YAML read with
/// <see cref="ManifestReader"/>) and applies the accepted exceptions recorded in
/// <see cref="PolicyAnnotations.PolicyException"/> annotations.
/// </summary>
public static class PolicyEngine
{
    /// <summary>Every rule, by family then id.</summary>
    public static IReadOnlyList<PolicyRule> Rules { get; } =
    [
        .. PodSecurityRules.All, .. RbacRules.All, .. ImageRules.All, .. SecretRules.All, .. ResourceRules.All, .. PolicyExceptionRules.All,
    ];

    public static PolicyRule? FindRule(string id) => Rules.FirstOrDefault(r => r.Id == id);

    public static PolicyReport Evaluate(ManifestSet manifests, PolicyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var ctx = new PolicyContext(manifests, options ?? PolicyOptions.Default);
        PodSecurityRules.Evaluate(ctx);
        RbacRules.Evaluate(ctx);
        ImageRules.Evaluate(ctx);
        SecretRules.Evaluate(ctx);
        ResourceRules.Evaluate(ctx);
        return new PolicyReport(PolicyExceptionRules.Apply(ctx), manifests.Count);
    }
}
