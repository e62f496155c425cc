namespace RunnerConsole.Core.Policy;

/// <summary>A policy rule: stable id (e.g. <c>PS001</c>), family, default severity and what it checks.</summary>
/// <param name="Id">Stable identifier; never reused for a different check.</param>
/// <param name="Family">Rule family: Pod security, RBAC, Images, Secrets, Resources, Policy exceptions.</param>
/// <param name="Severity">Severity of its findings unless waived by <see cref="PolicyAnnotations.PolicyException"/>.</param>
/// <param name="Title">One-line summary of what the rule requires.</param>
public sealed record PolicyRule(string Id, string Family, PolicySeverity Severity, string Title);
