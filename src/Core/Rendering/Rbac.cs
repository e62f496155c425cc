using k8s.Models;

namespace RunnerConsole.Core.Rendering;

/// <summary>ServiceAccount, Role and RoleBinding of one component: least privilege, never wildcards.</summary>
internal static class Rbac
{
    public static Manifest ServiceAccount(RenderScope s, string component, string role, string name, bool automountToken) =>
        new($"templates/{component}/serviceaccount.yaml", new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = V1ServiceAccount.KubeKind,
            Metadata = s.Meta(name, component, role),
            AutomountServiceAccountToken = automountToken,
        });

    /// <summary>A namespace Role with exactly <paramref name="rules"/> and its binding to the component's service account.</summary>
    public static IEnumerable<Manifest> RoleAndBinding(RenderScope s, string component, string role, string serviceAccount, params V1PolicyRule[] rules)
    {
        var name = s.Derived(component);
        yield return new Manifest($"templates/{component}/role.yaml", new V1Role
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = V1Role.KubeKind,
            Metadata = s.Meta(name, component, role),
            Rules = rules,
        });
        yield return new Manifest($"templates/{component}/rolebinding.yaml", new V1RoleBinding
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = V1RoleBinding.KubeKind,
            Metadata = s.Meta(name, component, role),
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = V1Role.KubeKind, Name = name },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = serviceAccount, NamespaceProperty = s.Namespace }],
        });
    }

    public static V1PolicyRule Rule(string apiGroup, string[] resources, params string[] verbs) => new()
    {
        ApiGroups = [apiGroup],
        Resources = resources,
        Verbs = verbs,
    };
}
