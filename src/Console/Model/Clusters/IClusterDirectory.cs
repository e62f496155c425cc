namespace RunnerConsole.Model.Clusters;

/// <summary>A cluster the operator can choose: a kubeconfig context, or the built-in simulated cluster.</summary>
public sealed record ClusterChoice(string Context, string Label, bool IsSandbox, string? Server, bool IsCurrent);

/// <summary>Outcome of contacting a cluster: its version, or why it could not be reached.</summary>
public sealed record ClusterConnectionCheck(bool Reachable, string? ServerVersion, string? Problem);

/// <summary>A namespace as the install step shows it, with whether its pod security admission allows dagger.</summary>
public sealed record NamespaceInfo(string Name, bool AllowsPrivilegedPods, string? PodSecurityEnforce);

/// <summary>
/// The clusters the console offers and the few read-only questions the wizard asks of them.
/// Implemented over kubeconfig contexts plus the in-process sandbox; UI code never talks to Kubernetes directly.
/// </summary>
public interface IClusterDirectory
{
    /// <summary>Every choice, the sandbox included, current context first.</summary>
    IReadOnlyList<ClusterChoice> List();

    Task<ClusterConnectionCheck> CheckAsync(string context, CancellationToken cancellationToken);

    Task<IReadOnlyList<NamespaceInfo>> ListNamespacesAsync(string context, CancellationToken cancellationToken);

    /// <summary>Names of the Secrets in <paramref name="namespace"/> (never their data), for "use an existing Secret" pickers.</summary>
    Task<IReadOnlyList<string>> ListSecretNamesAsync(string context, string @namespace, CancellationToken cancellationToken);
}
