using k8s.Models;

namespace RunnerConsole.Core.Policy;

/// <summary>
/// Pod security, Kubernetes "restricted" Pod Security Standard, for every pod template
/// (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Pod).
/// </summary>
public static class PodSecurityRules
{
    private const string Family = "Pod security";

    public static readonly PolicyRule RunAsNonRoot = new("PS001", Family, PolicySeverity.Error, "Containers must run as non-root (runAsNonRoot: true)");
    public static readonly PolicyRule RunAsRootUser = new("PS002", Family, PolicySeverity.Error, "Containers must not run as UID 0 (runAsUser: 0)");
    public static readonly PolicyRule AllowPrivilegeEscalation = new("PS003", Family, PolicySeverity.Error, "allowPrivilegeEscalation must be false");
    public static readonly PolicyRule DropAllCapabilities = new("PS004", Family, PolicySeverity.Error, "Capabilities must drop ALL");
    public static readonly PolicyRule AddedCapabilities = new("PS005", Family, PolicySeverity.Error, "Only NET_BIND_SERVICE may be added to capabilities");
    public static readonly PolicyRule Seccomp = new("PS006", Family, PolicySeverity.Error, "seccompProfile must be RuntimeDefault or Localhost");
    public static readonly PolicyRule Privileged = new("PS007", Family, PolicySeverity.Error, "Containers must not be privileged");
    public static readonly PolicyRule HostNamespaces = new("PS008", Family, PolicySeverity.Error, "Pods must not share host namespaces (hostNetwork, hostPID, hostIPC)");
    public static readonly PolicyRule HostPath = new("PS009", Family, PolicySeverity.Error, "Pods must not mount hostPath volumes");
    public static readonly PolicyRule HostPort = new("PS010", Family, PolicySeverity.Error, "Containers must not bind host ports");
    public static readonly PolicyRule ReadOnlyRootFilesystem = new("PS011", Family, PolicySeverity.Warning, "Containers should have a read-only root filesystem");
    public static readonly PolicyRule AutomountToken = new("PS012", Family, PolicySeverity.Warning, "Service account token should not be mounted when the account has no role binding");
    public static readonly PolicyRule DuplicateTokenMount = new("PS013", Family, PolicySeverity.Warning, "No manual service account token mount duplicating the automounted one");

    public static IReadOnlyList<PolicyRule> All { get; } =
    [
        RunAsNonRoot, RunAsRootUser, AllowPrivilegeEscalation, DropAllCapabilities, AddedCapabilities, Seccomp, Privileged,
        HostNamespaces, HostPath, HostPort, ReadOnlyRootFilesystem, AutomountToken, DuplicateTokenMount,
    ];

    internal const string TokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount";

    internal static void Evaluate(PolicyContext ctx)
    {
        foreach (var pod in PodTemplate.In(ctx.Set))
        {
            EvaluatePod(ctx, pod);
            foreach (var c in pod.AllContainers)
            {
                EvaluateContainer(ctx, pod, c);
            }

            CheckSeccomp(ctx, pod);
            CheckServiceAccountToken(ctx, pod);
        }
    }

    private static void EvaluatePod(PolicyContext ctx, PodTemplate pod)
    {
        var m = pod.Owner;
        foreach (var (field, value) in new[]
                 {
                     ("hostNetwork", pod.Spec.HostNetwork), ("hostPID", pod.Spec.HostPID), ("hostIPC", pod.Spec.HostIPC),
                 })
        {
            if (value == true)
            {
                ctx.Report(HostNamespaces, m, pod.Field(field),
                    $"The pod shares the node's {field[4..]} namespace ({field}: true).",
                    $"Remove {field} (or set it to false); expose the workload through a Service instead of the node's namespaces.");
            }
        }

        var volumes = pod.Spec.Volumes ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].HostPath is { } hostPath)
            {
                ctx.Report(HostPath, m, FieldPath.Join(FieldPath.Item(pod.Path, "volumes", volumes[i].Name, i), "hostPath"),
                    $"Volume '{volumes[i].Name}' mounts the node path '{hostPath.Path}'.",
                    "Replace the hostPath volume with an emptyDir, a PersistentVolumeClaim, a ConfigMap/Secret, or a CSI volume.");
            }
        }
    }

    private static void EvaluateContainer(PolicyContext ctx, PodTemplate pod, ContainerRef c)
    {
        var m = pod.Owner;
        var sc = c.Container.SecurityContext;
        var podSc = pod.Spec.SecurityContext;
        var who = c.Describe();

        // PS001 runAsNonRoot: the container's value wins over the pod's.
        var nonRoot = sc?.RunAsNonRoot ?? podSc?.RunAsNonRoot;
        if (nonRoot != true)
        {
            var explicitFalseAtPod = sc?.RunAsNonRoot is null && podSc?.RunAsNonRoot == false;
            ctx.Report(RunAsNonRoot, m,
                explicitFalseAtPod ? pod.Field("securityContext.runAsNonRoot") : c.Field("securityContext.runAsNonRoot"),
                nonRoot == false
                    ? $"{Wording.Cap(who)} is allowed to run as root (runAsNonRoot: false)."
                    : $"{Wording.Cap(who)} may run as root: neither the container nor the pod sets runAsNonRoot: true.",
                "Set securityContext.runAsNonRoot: true (on the pod or the container) and run the image as a non-zero UID (runAsUser, or USER in the image).");
        }

        // PS002 runAsUser 0.
        if ((sc?.RunAsUser ?? podSc?.RunAsUser) == 0)
        {
            ctx.Report(RunAsRootUser, m,
                sc?.RunAsUser is not null ? c.Field("securityContext.runAsUser") : pod.Field("securityContext.runAsUser"),
                $"{Wording.Cap(who)} runs as UID 0 (root).",
                "Set runAsUser to a non-zero UID (e.g. 65532) that the image supports, together with runAsNonRoot: true.");
        }

        // PS003 allowPrivilegeEscalation must be explicitly false.
        if (sc?.AllowPrivilegeEscalation != false)
        {
            ctx.Report(AllowPrivilegeEscalation, m, c.Field("securityContext.allowPrivilegeEscalation"),
                sc?.AllowPrivilegeEscalation == true
                    ? $"{Wording.Cap(who)} allows privilege escalation (allowPrivilegeEscalation: true)."
                    : $"{Wording.Cap(who)} does not set allowPrivilegeEscalation: false (the default allows escalation through setuid binaries).",
                "Set securityContext.allowPrivilegeEscalation: false on the container.");
        }

        // PS004 / PS005 capabilities.
        var caps = sc?.Capabilities;
        if (caps?.Drop is not { } drop || !drop.Contains("ALL"))
        {
            ctx.Report(DropAllCapabilities, m, c.Field("securityContext.capabilities.drop"),
                $"{Wording.Cap(who)} keeps the runtime's default Linux capabilities (capabilities.drop does not contain ALL).",
                "Set securityContext.capabilities.drop: [\"ALL\"]; add back only NET_BIND_SERVICE if the container binds a port below 1024.");
        }

        var extra = (caps?.Add ?? []).Where(a => a != "NET_BIND_SERVICE").ToList();
        if (extra.Count > 0)
        {
            ctx.Report(AddedCapabilities, m, c.Field("securityContext.capabilities.add"),
                $"{Wording.Cap(who)} adds capabilities {string.Join(", ", extra)}; only NET_BIND_SERVICE is allowed.",
                $"Remove {string.Join(", ", extra)} from securityContext.capabilities.add.");
        }

        // PS007 privileged.
        if (sc?.Privileged == true)
        {
            ctx.Report(Privileged, m, c.Field("securityContext.privileged"),
                $"{Wording.Cap(who)} is privileged: it has full access to the node.",
                "Remove securityContext.privileged. If the workload truly needs it (e.g. the dagger engine), record an accepted exception with the "
                + $"'{PolicyAnnotations.PolicyException}' annotation on the workload.");
        }

        // PS010 host ports.
        var ports = c.Container.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].HostPort is > 0)
            {
                ctx.Report(HostPort, m, FieldPath.Join(FieldPath.Item(c.Path, "ports", ports[i].Name, i), "hostPort"),
                    $"{Wording.Cap(who)} binds host port {ports[i].HostPort} on the node.",
                    "Remove hostPort and reach the container through a Service.");
            }
        }

        // PS011 read-only root filesystem.
        if (sc?.ReadOnlyRootFilesystem != true)
        {
            ctx.Report(ReadOnlyRootFilesystem, m, c.Field("securityContext.readOnlyRootFilesystem"),
                $"{Wording.Cap(who)} can write to its root filesystem.",
                "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir at the paths the process writes to (e.g. /tmp).");
        }
    }

    // PS006: pod-level seccompProfile applies to every container unless the container overrides it.
    private static void CheckSeccomp(PolicyContext ctx, PodTemplate pod)
    {
        static bool Ok(string? type) => type is "RuntimeDefault" or "Localhost";
        const string Fix = "Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a reviewed profile).";
        var podType = pod.Spec.SecurityContext?.SeccompProfile?.Type;
        var missing = new List<ContainerRef>();
        var all = pod.AllContainers.ToList();
        foreach (var c in all)
        {
            var type = c.Container.SecurityContext?.SeccompProfile?.Type;
            if (type is not null)
            {
                if (!Ok(type))
                {
                    ctx.Report(Seccomp, pod.Owner, c.Field("securityContext.seccompProfile.type"),
                        $"{Wording.Cap(c.Describe())} uses seccomp profile '{type}'.", Fix);
                }
            }
            else if (!Ok(podType))
            {
                missing.Add(c);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        if (podType is not null || missing.Count == all.Count)
        {
            ctx.Report(Seccomp, pod.Owner, pod.Field("securityContext.seccompProfile.type"),
                podType is null
                    ? "The pod sets no seccomp profile, so its containers run unconfined."
                    : $"The pod uses seccomp profile '{podType}'.",
                Fix);
            return;
        }

        foreach (var c in missing)
        {
            ctx.Report(Seccomp, pod.Owner, c.Field("securityContext.seccompProfile.type"),
                $"{Wording.Cap(c.Describe())} sets no seccomp profile and the pod sets none either.", Fix);
        }
    }

    // PS012 / PS013: token automount vs. RBAC bindings of the pod's service account.
    private static void CheckServiceAccountToken(PolicyContext ctx, PodTemplate pod)
    {
        var ns = pod.Owner.Object.Metadata?.NamespaceProperty;
        var saName = pod.Spec.ServiceAccountName ?? pod.Spec.ServiceAccount ?? "default";
        var sa = ctx.OfType<V1ServiceAccount>()
            .FirstOrDefault(x => x.Object.Metadata?.Name == saName && x.Object.Metadata?.NamespaceProperty == ns).Object;
        var automount = pod.Spec.AutomountServiceAccountToken ?? sa?.AutomountServiceAccountToken ?? true;
        if (!automount)
        {
            return;
        }

        var source = pod.Spec.AutomountServiceAccountToken is not null ? "the pod sets automountServiceAccountToken: true"
            : sa?.AutomountServiceAccountToken is not null ? $"service account '{saName}' sets automountServiceAccountToken: true"
            : "automountServiceAccountToken is not set, so it defaults to true";

        if (!IsBound(ctx, saName, ns))
        {
            ctx.Report(AutomountToken, pod.Owner, pod.Field("automountServiceAccountToken"),
                $"The pod gets an API token for service account '{saName}' ({source}) but no RoleBinding or ClusterRoleBinding in the set grants that account anything.",
                "Set automountServiceAccountToken: false on the pod spec (or the ServiceAccount); bind a Role first if the workload does call the Kubernetes API.");
        }

        var volumes = pod.Spec.Volumes ?? [];
        foreach (var c in pod.AllContainers)
        {
            var mounts = c.Container.VolumeMounts ?? [];
            for (var i = 0; i < mounts.Count; i++)
            {
                if (mounts[i].MountPath?.TrimEnd('/') != TokenMountPath)
                {
                    continue;
                }

                var volumeIndex = volumes.ToList().FindIndex(v => v.Name == mounts[i].Name);
                var volumePath = volumeIndex >= 0 ? FieldPath.Item(pod.Path, "volumes", mounts[i].Name, volumeIndex) : null;
                ctx.Report(DuplicateTokenMount, pod.Owner, FieldPath.Item(c.Path, "volumeMounts", mounts[i].Name, i),
                    $"{Wording.Cap(c.Describe())} mounts volume '{mounts[i].Name}' at {TokenMountPath} by hand while the token is also automounted ({source}).",
                    volumePath is null
                        ? "Remove this volumeMount; the automounted token already provides it."
                        : $"Remove this volumeMount and the volume {volumePath}; the automounted token already provides it "
                          + "(or set automountServiceAccountToken: false and keep the manual projected volume).");
            }
        }
    }

    private static bool IsBound(PolicyContext ctx, string saName, string? ns)
    {
        bool Matches(IList<Rbacv1Subject>? subjects, string? bindingNs) =>
            (subjects ?? []).Any(s => s.Kind == "ServiceAccount" && s.Name == saName && (s.NamespaceProperty ?? bindingNs) == ns);

        return ctx.OfType<V1RoleBinding>().Any(b => Matches(b.Object.Subjects, b.Object.Metadata?.NamespaceProperty))
            || ctx.OfType<V1ClusterRoleBinding>().Any(b => Matches(b.Object.Subjects, null));
    }
}
