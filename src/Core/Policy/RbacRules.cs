using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Policy;

/// <summary>Least-privilege RBAC: namespaced Roles only, no wildcards, no privilege-granting verbs.</summary>
public static class RbacRules
{
    private const string Family = "RBAC";

    public static readonly PolicyRule ClusterRolePresent = new("RB001", Family, PolicySeverity.Error, "No ClusterRole: the runner is namespaced");
    public static readonly PolicyRule ClusterRoleBindingPresent = new("RB002", Family, PolicySeverity.Error, "No ClusterRoleBinding: the runner is namespaced");
    public static readonly PolicyRule Wildcard = new("RB003", Family, PolicySeverity.Error, "No '*' in apiGroups, resources, verbs or nonResourceURLs");
    public static readonly PolicyRule EscalationVerbs = new("RB004", Family, PolicySeverity.Error, "No escalate, bind or impersonate verbs");
    public static readonly PolicyRule ListSecrets = new("RB005", Family, PolicySeverity.Warning, "Secrets should not be listed or watched");
    public static readonly PolicyRule RoleBindingToClusterRole = new("RB006", Family, PolicySeverity.Warning, "RoleBindings should reference a Role, not a ClusterRole");
    public static readonly PolicyRule ForeignSubject = new("RB007", Family, PolicySeverity.Warning, "RoleBinding subjects should live in the binding's namespace");

    public static IReadOnlyList<PolicyRule> All { get; } =
        [ClusterRolePresent, ClusterRoleBindingPresent, Wildcard, EscalationVerbs, ListSecrets, RoleBindingToClusterRole, ForeignSubject];

    private static readonly string[] DangerousVerbs = ["escalate", "bind", "impersonate"];

    internal static void Evaluate(PolicyContext ctx)
    {
        foreach (var (m, role) in ctx.OfType<V1ClusterRole>())
        {
            ctx.Report(ClusterRolePresent, m, "kind",
                $"ClusterRole '{role.Metadata?.Name}' grants permissions cluster-wide.",
                "Replace it with a Role in the runner's namespace (and its ClusterRoleBinding with a RoleBinding).");
            CheckRules(ctx, m, role.Rules);
        }

        foreach (var (m, role) in ctx.OfType<V1Role>())
        {
            CheckRules(ctx, m, role.Rules);
        }

        foreach (var (m, binding) in ctx.OfType<V1ClusterRoleBinding>())
        {
            ctx.Report(ClusterRoleBindingPresent, m, "kind",
                $"ClusterRoleBinding '{binding.Metadata?.Name}' grants {binding.RoleRef?.Kind} '{binding.RoleRef?.Name}' in every namespace.",
                "Replace it with a RoleBinding in the runner's namespace that references a Role.");
        }

        foreach (var (m, binding) in ctx.OfType<V1RoleBinding>())
        {
            if (binding.RoleRef?.Kind == "ClusterRole")
            {
                ctx.Report(RoleBindingToClusterRole, m, "roleRef.kind",
                    $"RoleBinding '{binding.Metadata?.Name}' references ClusterRole '{binding.RoleRef.Name}'; its rules are defined outside the namespace and can change independently.",
                    "Define a Role with exactly the rules needed in this namespace and reference it (roleRef.kind: Role).");
            }

            var ns = binding.Metadata?.NamespaceProperty;
            var subjects = binding.Subjects ?? [];
            for (var i = 0; i < subjects.Count; i++)
            {
                var s = subjects[i];
                if (s.Kind == "ServiceAccount" && s.NamespaceProperty is { } subjectNs && ns is not null && subjectNs != ns)
                {
                    ctx.Report(ForeignSubject, m, $"subjects[{i}].namespace",
                        $"RoleBinding '{binding.Metadata?.Name}' in namespace '{ns}' grants access to service account '{s.Name}' of namespace '{subjectNs}'.",
                        $"Bind only service accounts of namespace '{ns}', or move the workload into that namespace.");
                }
            }
        }
    }

    private static void CheckRules(PolicyContext ctx, Manifest m, IList<V1PolicyRule>? rules)
    {
        rules ??= [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            foreach (var (field, values) in new[]
                     {
                         ("apiGroups", rule.ApiGroups), ("resources", rule.Resources), ("verbs", rule.Verbs), ("nonResourceURLs", rule.NonResourceURLs),
                     })
            {
                if (values?.Any(v => v == "*" || v.EndsWith("/*", StringComparison.Ordinal)) == true)
                {
                    ctx.Report(Wildcard, m, $"rules[{i}].{field}",
                        $"{m.Kind} '{m.Object.Metadata?.Name}' rule {i} uses '*' in {field}, granting everything now and anything added later.",
                        $"List the exact {field} the workload needs instead of '*'.");
                }
            }

            var dangerous = (rule.Verbs ?? []).Where(v => DangerousVerbs.Contains(v)).ToList();
            if (dangerous.Count > 0)
            {
                ctx.Report(EscalationVerbs, m, $"rules[{i}].verbs",
                    $"{m.Kind} '{m.Object.Metadata?.Name}' rule {i} grants {string.Join(", ", dangerous)}, which lets the holder gain permissions it was not given.",
                    $"Remove {string.Join(", ", dangerous)} from the verbs.");
            }

            var coreGroup = rule.ApiGroups is null || rule.ApiGroups.Contains(string.Empty);
            var listing = (rule.Verbs ?? []).Where(v => v is "list" or "watch").ToList();
            if (coreGroup && rule.Resources?.Contains("secrets") == true && listing.Count > 0)
            {
                ctx.Report(ListSecrets, m, $"rules[{i}].verbs",
                    $"{m.Kind} '{m.Object.Metadata?.Name}' rule {i} can {string.Join(" and ", listing)} secrets, which reads every Secret in scope.",
                    "Grant get on the specific Secrets the workload uses (resourceNames) instead of list/watch.");
            }
        }
    }
}
