namespace RunnerConsole.Core.Planning;

/// <summary>
/// The order objects are applied in (pruned in reverse): what others refer to goes first.
/// Within a phase objects are independent and are applied in parallel.
/// </summary>
public enum ApplyPhase
{
    /// <summary>Namespaces and cluster-level definitions (CRDs, priority and storage classes).</summary>
    Namespaces = 0,

    /// <summary>Service accounts, secrets, config maps and namespace policies (quotas, limits, network policies, PDBs).</summary>
    Configuration = 1,

    /// <summary>Roles and role bindings, cluster ones too.</summary>
    Rbac = 2,

    /// <summary>Services, endpoints, ingresses.</summary>
    Services = 3,

    /// <summary>Persistent volumes and claims.</summary>
    Storage = 4,

    /// <summary>Deployments, stateful sets, daemon sets, jobs, pods.</summary>
    Workloads = 5,

    /// <summary>Cron jobs and autoscalers: they act on workloads.</summary>
    Scheduled = 6,

    /// <summary>Anything else (custom resources): last, when their controllers' inputs exist.</summary>
    Other = 7,
}

/// <summary>Assigns kinds to <see cref="ApplyPhase"/>s and sorts objects by them.</summary>
public static class ApplyPhases
{
    public static ApplyPhase Of(string kind) => kind switch
    {
        "Namespace" or "CustomResourceDefinition" or "PriorityClass" or "StorageClass" or "IngressClass" or "RuntimeClass" => ApplyPhase.Namespaces,
        "ServiceAccount" or "Secret" or "ConfigMap" or "ResourceQuota" or "LimitRange" or "NetworkPolicy" or "PodDisruptionBudget" => ApplyPhase.Configuration,
        "Role" or "RoleBinding" or "ClusterRole" or "ClusterRoleBinding" => ApplyPhase.Rbac,
        "Service" or "Endpoints" or "EndpointSlice" or "Ingress" => ApplyPhase.Services,
        "PersistentVolume" or "PersistentVolumeClaim" => ApplyPhase.Storage,
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job" or "Pod" => ApplyPhase.Workloads,
        "CronJob" or "HorizontalPodAutoscaler" or "VerticalPodAutoscaler" => ApplyPhase.Scheduled,
        _ => ApplyPhase.Other,
    };

    /// <summary>Items grouped by phase in apply order; the order inside a phase is kept (stable).</summary>
    public static IReadOnlyList<(ApplyPhase Phase, IReadOnlyList<T> Items)> ForApply<T>(IEnumerable<T> items, Func<T, string> kind) =>
        [.. items.GroupBy(i => Of(kind(i))).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<T>)[.. g]))];

    /// <summary>Items grouped by phase in prune order: the reverse of apply.</summary>
    public static IReadOnlyList<(ApplyPhase Phase, IReadOnlyList<T> Items)> ForPrune<T>(IEnumerable<T> items, Func<T, string> kind) =>
        [.. ForApply(items, kind).Reverse()];

    /// <summary>All items in apply order (stable within a phase).</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, string> kind) =>
        [.. items.Select((item, index) => (item, index)).OrderBy(x => Of(kind(x.item))).ThenBy(x => x.index).Select(x => x.item)];
}
