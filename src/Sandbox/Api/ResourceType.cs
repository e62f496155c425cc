namespace RunnerConsole.Sandbox.Api;

/// <summary>One served resource (a group/version/plural) and what Kubernetes discovery says about it.</summary>
public sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    string[] ShortNames,
    bool HasStatus = false,
    bool HasScale = false,
    string[]? Categories = null)
{
    public static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>The verbs discovery lists (all of them, except for review-style resources that only take create).</summary>
    public string[] Verbs { get; init; } = AllVerbs;

    /// <summary>Answered by the server and never stored (access and subject reviews).</summary>
    public bool IsVirtual => Verbs.Length == 1;

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Storage key: versions of one group share their objects.</summary>
    public string StorageKey => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>As Kubernetes names a resource in messages: <c>deployments.apps</c>, <c>pods</c>.</summary>
    public string QualifiedResource => StorageKey;

    /// <summary>As Kubernetes names a kind in messages: <c>Deployment.apps</c>, <c>Pod</c>.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public string ListKind => Kind + "List";
}

/// <summary>The resources the sandbox serves: the built-in set plus the versions of custom resource definitions.</summary>
public sealed class ResourceCatalog
{
    private readonly object _gate = new();
    private readonly List<ResourceType> _builtIn;
    private Dictionary<string, ResourceType> _custom = new(StringComparer.Ordinal);

    public ResourceCatalog()
    {
        string[] all = ["all"];
        _builtIn =
        [
            new("", "v1", "namespaces", "namespace", "Namespace", false, ["ns"], HasStatus: true),
            new("", "v1", "pods", "pod", "Pod", true, ["po"], HasStatus: true, Categories: all),
            new("", "v1", "services", "service", "Service", true, ["svc"], HasStatus: true, Categories: all),
            new("", "v1", "endpoints", "endpoints", "Endpoints", true, ["ep"]),
            new("", "v1", "configmaps", "configmap", "ConfigMap", true, ["cm"]),
            new("", "v1", "secrets", "secret", "Secret", true, []),
            new("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"]),
            new("", "v1", "persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, ["pvc"], HasStatus: true),
            new("", "v1", "persistentvolumes", "persistentvolume", "PersistentVolume", false, ["pv"], HasStatus: true),
            new("", "v1", "events", "event", "Event", true, ["ev"]),
            new("", "v1", "nodes", "node", "Node", false, ["no"], HasStatus: true),
            new("", "v1", "resourcequotas", "resourcequota", "ResourceQuota", true, ["quota"], HasStatus: true),
            new("", "v1", "limitranges", "limitrange", "LimitRange", true, ["limits"]),
            new("apps", "v1", "deployments", "deployment", "Deployment", true, ["deploy"], HasStatus: true, HasScale: true, Categories: all),
            new("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, ["sts"], HasStatus: true, HasScale: true, Categories: all),
            new("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, ["ds"], HasStatus: true, Categories: all),
            new("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, ["rs"], HasStatus: true, HasScale: true, Categories: all),
            new("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision", true, []),
            new("batch", "v1", "jobs", "job", "Job", true, [], HasStatus: true, Categories: all),
            new("batch", "v1", "cronjobs", "cronjob", "CronJob", true, ["cj"], HasStatus: true, Categories: all),
            new("autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", true, ["hpa"], HasStatus: true, Categories: all),
            new("rbac.authorization.k8s.io", "v1", "roles", "role", "Role", true, []),
            new("rbac.authorization.k8s.io", "v1", "rolebindings", "rolebinding", "RoleBinding", true, []),
            new("rbac.authorization.k8s.io", "v1", "clusterroles", "clusterrole", "ClusterRole", false, []),
            new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false, []),
            new("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true, ["pdb"], HasStatus: true),
            new("networking.k8s.io", "v1", "networkpolicies", "networkpolicy", "NetworkPolicy", true, ["netpol"]),
            new("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", true, ["ing"], HasStatus: true),
            new("networking.k8s.io", "v1", "ingressclasses", "ingressclass", "IngressClass", false, []),
            new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false, ["crd", "crds"], HasStatus: true),
            new("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, []),
            new("storage.k8s.io", "v1", "storageclasses", "storageclass", "StorageClass", false, ["sc"]),
            new("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "selfsubjectaccessreview", "SelfSubjectAccessReview", false, []) { Verbs = ["create"] },
            new("authentication.k8s.io", "v1", "selfsubjectreviews", "selfsubjectreview", "SelfSubjectReview", false, []) { Verbs = ["create"] },
        ];
    }

    /// <summary>Every served resource, built-in first.</summary>
    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _builtIn, .. _custom.Values];
            }
        }
    }

    /// <summary>Group names in discovery order with their versions (preferred first).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var group in All.Where(t => t.Group.Length > 0).GroupBy(t => t.Group))
        {
            result.Add((group.Key, group.Select(t => t.Version).Distinct().ToList()));
        }

        return result;
    }

    public ResourceType? Find(string group, string version, string plural)
    {
        lock (_gate)
        {
            foreach (var t in _builtIn)
            {
                if (t.Plural == plural && t.Group == group && t.Version == version)
                {
                    return t;
                }
            }

            return _custom.GetValueOrDefault($"{group}/{version}/{plural}");
        }
    }

    public bool ServesGroupVersion(string group, string version) =>
        All.Any(t => t.Group == group && t.Version == version);

    /// <summary>First resource of the kind, any version of the group (for owner references and kind lookups).</summary>
    public ResourceType? FindKind(string group, string kind) =>
        All.FirstOrDefault(t => t.Group == group && t.Kind == kind);

    public ResourceType? FindByStorageKey(string storageKey) =>
        All.FirstOrDefault(t => t.StorageKey == storageKey);

    /// <summary>Replaces the resources served for one custom resource definition (null = removed).</summary>
    public void SetCustom(string crdName, IReadOnlyList<ResourceType>? types)
    {
        lock (_gate)
        {
            var next = new Dictionary<string, ResourceType>(_custom, StringComparer.Ordinal);
            foreach (var key in next.Where(kv => kv.Value.StorageKey == crdName).Select(kv => kv.Key).ToList())
            {
                next.Remove(key);
            }

            foreach (var t in types ?? [])
            {
                next[$"{t.Group}/{t.Version}/{t.Plural}"] = t;
            }

            _custom = next;
        }
    }
}
