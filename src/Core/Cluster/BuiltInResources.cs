namespace RunnerConsole.Core.Cluster;

/// <summary>
/// Resource names and scope of the stable built-in kinds, which every supported Kubernetes version (1.25 and later)
/// serves under these names: they need no discovery request. Anything else (custom resources, beta versions) is
/// looked up by discovery.
/// </summary>
internal static class BuiltInResources
{
    private static readonly Dictionary<(string ApiVersion, string Kind), (string Plural, bool Namespaced)> Known = new()
    {
        [("v1", "ConfigMap")] = ("configmaps", true),
        [("v1", "Endpoints")] = ("endpoints", true),
        [("v1", "Event")] = ("events", true),
        [("v1", "LimitRange")] = ("limitranges", true),
        [("v1", "Namespace")] = ("namespaces", false),
        [("v1", "Node")] = ("nodes", false),
        [("v1", "PersistentVolume")] = ("persistentvolumes", false),
        [("v1", "PersistentVolumeClaim")] = ("persistentvolumeclaims", true),
        [("v1", "Pod")] = ("pods", true),
        [("v1", "ReplicationController")] = ("replicationcontrollers", true),
        [("v1", "ResourceQuota")] = ("resourcequotas", true),
        [("v1", "Secret")] = ("secrets", true),
        [("v1", "Service")] = ("services", true),
        [("v1", "ServiceAccount")] = ("serviceaccounts", true),
        [("apps/v1", "DaemonSet")] = ("daemonsets", true),
        [("apps/v1", "Deployment")] = ("deployments", true),
        [("apps/v1", "ReplicaSet")] = ("replicasets", true),
        [("apps/v1", "StatefulSet")] = ("statefulsets", true),
        [("batch/v1", "CronJob")] = ("cronjobs", true),
        [("batch/v1", "Job")] = ("jobs", true),
        [("policy/v1", "PodDisruptionBudget")] = ("poddisruptionbudgets", true),
        [("networking.k8s.io/v1", "Ingress")] = ("ingresses", true),
        [("networking.k8s.io/v1", "IngressClass")] = ("ingressclasses", false),
        [("networking.k8s.io/v1", "NetworkPolicy")] = ("networkpolicies", true),
        [("rbac.authorization.k8s.io/v1", "ClusterRole")] = ("clusterroles", false),
        [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = ("clusterrolebindings", false),
        [("rbac.authorization.k8s.io/v1", "Role")] = ("roles", true),
        [("rbac.authorization.k8s.io/v1", "RoleBinding")] = ("rolebindings", true),
        [("autoscaling/v2", "HorizontalPodAutoscaler")] = ("horizontalpodautoscalers", true),
        [("scheduling.k8s.io/v1", "PriorityClass")] = ("priorityclasses", false),
        [("storage.k8s.io/v1", "StorageClass")] = ("storageclasses", false),
        [("apiextensions.k8s.io/v1", "CustomResourceDefinition")] = ("customresourcedefinitions", false),
    };

    public static (string Plural, bool Namespaced)? Find(string apiVersion, string kind) =>
        Known.TryGetValue((apiVersion, kind), out var resource) ? resource : null;
}
