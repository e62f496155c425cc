using k8s.Models;

namespace RunnerConsole.Core.Policy;

/// <summary>Resource hygiene: requests and limits, probes, namespaces, Services that select something.</summary>
public static class ResourceRules
{
    private const string Family = "Resources";

    public static readonly PolicyRule MemoryLimit = new("RS001", Family, PolicySeverity.Error, "Every container must have a memory limit");
    public static readonly PolicyRule RequestsAndCpuLimit = new("RS002", Family, PolicySeverity.Warning, "Every container should have cpu and memory requests and a cpu limit");
    public static readonly PolicyRule LivenessProbe = new("RS003", Family, PolicySeverity.Warning, "Long-running containers should have a liveness probe");
    public static readonly PolicyRule ReadinessProbe = new("RS004", Family, PolicySeverity.Warning, "Long-running containers should have a readiness probe");
    public static readonly PolicyRule NamespaceMissing = new("RS005", Family, PolicySeverity.Warning, "Namespaced objects should set metadata.namespace");
    public static readonly PolicyRule ServiceSelectsNothing = new("RS006", Family, PolicySeverity.Warning, "A Service's selector should match a pod template in the set");

    public static IReadOnlyList<PolicyRule> All { get; } =
        [MemoryLimit, RequestsAndCpuLimit, LivenessProbe, ReadinessProbe, NamespaceMissing, ServiceSelectsNothing];

    /// <summary>Built-in kinds that are not namespaced.</summary>
    internal static readonly HashSet<string> ClusterScopedKinds =
    [
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass",
        "PriorityClass", "RuntimeClass", "IngressClass", "CSIDriver", "CSINode", "VolumeAttachment", "APIService",
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
        "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration",
        "ComponentStatus", "DeviceClass", "ResourceSlice", "StorageVersionMigration", "VolumeAttributesClass", "ClusterTrustBundle",
        "IPAddress", "ServiceCIDR", "TokenReview", "SelfSubjectReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview",
    ];

    internal static void Evaluate(PolicyContext ctx)
    {
        var pods = PodTemplate.In(ctx.Set).ToList();
        foreach (var pod in pods)
        {
            foreach (var c in pod.AllContainers)
            {
                CheckResources(ctx, pod, c);
            }

            if (pod.LongRunning)
            {
                // Regular containers and native sidecars (init containers with restartPolicy: Always) run for the pod's lifetime.
                foreach (var c in pod.Containers.Concat(pod.InitContainers.Where(i => i.Container.RestartPolicy == "Always")))
                {
                    if (c.Container.LivenessProbe is null)
                    {
                        ctx.Report(LivenessProbe, pod.Owner, c.Field("livenessProbe"),
                            $"{Wording.Cap(c.Describe())} has no liveness probe; a hung process is never restarted.",
                            "Add a livenessProbe (httpGet on a health endpoint, or tcpSocket/exec) with a generous failureThreshold.");
                    }

                    if (c.Container.ReadinessProbe is null)
                    {
                        ctx.Report(ReadinessProbe, pod.Owner, c.Field("readinessProbe"),
                            $"{Wording.Cap(c.Describe())} has no readiness probe; it receives traffic and counts as available before it is ready.",
                            "Add a readinessProbe that succeeds only once the container can serve.");
                    }
                }
            }
        }

        foreach (var m in ctx.Set)
        {
            if (m.Kind is not null && !ClusterScopedKinds.Contains(m.Kind) && string.IsNullOrEmpty(m.Object.Metadata?.NamespaceProperty))
            {
                ctx.Report(NamespaceMissing, m, "metadata.namespace",
                    $"{m.Kind} '{m.Object.Metadata?.Name}' has no namespace; it lands in whatever namespace the applying tool defaults to.",
                    "Set metadata.namespace to the runner's namespace.");
            }
        }

        foreach (var (m, svc) in ctx.OfType<V1Service>())
        {
            var selector = svc.Spec?.Selector;
            if (selector is null || selector.Count == 0 || svc.Spec?.Type == "ExternalName")
            {
                continue;
            }

            var ns = svc.Metadata?.NamespaceProperty;
            var matched = pods.Any(p => p.Owner.Object.Metadata?.NamespaceProperty == ns && p.Labels is { } labels
                && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value));
            if (!matched)
            {
                ctx.Report(ServiceSelectsNothing, m, "spec.selector",
                    $"Service '{svc.Metadata?.Name}' selects {string.Join(", ", selector.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))}, which matches no pod template in the set.",
                    "Make spec.selector equal to the labels of the pod template it should route to (spec.template.metadata.labels).");
            }
        }
    }

    private static void CheckResources(PolicyContext ctx, PodTemplate pod, ContainerRef c)
    {
        var limits = c.Container.Resources?.Limits;
        var requests = c.Container.Resources?.Requests;
        if (limits?.ContainsKey("memory") != true)
        {
            ctx.Report(MemoryLimit, pod.Owner, c.Field("resources.limits.memory"),
                $"{Wording.Cap(c.Describe())} has no memory limit; a leak can exhaust the node's memory and evict other pods.",
                "Set resources.limits.memory (e.g. 512Mi) from observed usage plus headroom.");
        }

        foreach (var (map, field, path) in new[]
                 {
                     (requests, "cpu", "resources.requests.cpu"), (requests, "memory", "resources.requests.memory"), (limits, "cpu", "resources.limits.cpu"),
                 })
        {
            if (map?.ContainsKey(field) != true)
            {
                ctx.Report(RequestsAndCpuLimit, pod.Owner, c.Field(path),
                    $"{Wording.Cap(c.Describe())} does not set {path}.",
                    path.Contains("requests", StringComparison.Ordinal)
                        ? $"Set {path} so the scheduler reserves what the container needs."
                        : $"Set {path} so one container cannot starve its neighbours.");
            }
        }
    }
}
