namespace RunnerConsole.Core.Rendering;

/// <summary>
/// The order objects are installed in: accounts, secrets and config, then RBAC, services, workloads, cron jobs.
/// A workload then never starts before the account, secret or Role it needs.
/// </summary>
public static class InstallOrder
{
    /// <summary>Phase of a kind; unknown kinds go between services and workloads.</summary>
    public static int PhaseOf(string kind) => kind switch
    {
        "Namespace" => 0,
        "ServiceAccount" => 1,
        "Secret" => 2,
        "ConfigMap" => 3,
        "ClusterRole" or "Role" => 4,
        "ClusterRoleBinding" or "RoleBinding" => 5,
        "Service" => 6,
        "PersistentVolumeClaim" => 7,
        "Deployment" or "StatefulSet" or "DaemonSet" => 9,
        "Job" => 10,
        "CronJob" => 11,
        _ => 8,
    };

    /// <summary>Stable sort by phase: within a phase the builders' order (component by component) is kept.</summary>
    public static IReadOnlyList<Manifest> Sort(IEnumerable<Manifest> manifests) =>
        [.. manifests.OrderBy(m => PhaseOf(m.Kind))];
}
