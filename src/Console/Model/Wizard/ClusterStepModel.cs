using RunnerConsole.Core.Values;
using RunnerConsole.Model.Clusters;

namespace RunnerConsole.Model.Wizard;

/// <summary>
/// The cluster step: which kubeconfig context (or the sandbox), whether it answers, and the target namespace with
/// what the wizard knows about it (exists, allows privileged pods, its Secrets for the "existing Secret" pickers).
/// </summary>
public sealed class ClusterStepModel(IClusterDirectory directory)
{
    public const string DefaultNamespace = "kubiya";

    public IReadOnlyList<ClusterChoice> Choices { get; private set; } = [];

    public string Context { get; private set; } = string.Empty;

    /// <summary>The last connection check of <see cref="Context"/>; null before one finished.</summary>
    public ClusterConnectionCheck? Connection { get; private set; }

    public bool IsChecking { get; private set; }

    public IReadOnlyList<NamespaceInfo> Namespaces { get; private set; } = [];

    public string Namespace { get; private set; } = DefaultNamespace;

    /// <summary>Names of the Secrets in the chosen namespace (empty for a namespace the install will create).</summary>
    public IReadOnlyList<string> SecretNames { get; private set; } = [];

    public event Action? Changed;

    public ClusterChoice? SelectedChoice => Choices.FirstOrDefault(c => c.Context == Context);

    /// <summary>The chosen namespace when it already exists in the cluster; null for a new one.</summary>
    public NamespaceInfo? ExistingNamespace => Namespaces.FirstOrDefault(n => n.Name == Namespace);

    public string? NamespaceError =>
        Namespace.Length == 0 ? "is required" : KubernetesNames.CheckLabel(Namespace);

    /// <summary>Why dagger would not start in the chosen namespace, or null when it can.</summary>
    public string? NamespaceWarning => ExistingNamespace is { AllowsPrivilegedPods: false } ns
        ? $"Namespace '{ns.Name}' does not allow privileged pods (pod security '{ns.PodSecurityEnforce ?? "restricted"}'). "
          + "The dagger engine needs them: relabel the namespace to pod-security.kubernetes.io/enforce=privileged, or turn dagger off."
        : null;

    public bool IsNewNamespace => Connection is { Reachable: true } && NamespaceError is null && ExistingNamespace is null;

    public bool IsValid => Context.Length > 0 && Connection is { Reachable: true } && NamespaceError is null;

    /// <summary>Reads the list of contexts and picks the current one (or the first) when none is chosen yet.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Choices = directory.List();
        if (Context.Length == 0 && Choices.Count > 0)
        {
            await SelectContextAsync((Choices.FirstOrDefault(c => c.IsCurrent) ?? Choices[0]).Context, cancellationToken);
        }
        else
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Chooses a context, checks the connection and lists its namespaces.</summary>
    public async Task SelectContextAsync(string context, CancellationToken cancellationToken)
    {
        Context = context;
        Connection = null;
        Namespaces = [];
        SecretNames = [];
        IsChecking = true;
        Changed?.Invoke();
        try
        {
            Connection = await directory.CheckAsync(context, cancellationToken);
            if (Connection.Reachable)
            {
                Namespaces = await directory.ListNamespacesAsync(context, cancellationToken);
                await LoadSecretNamesAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The directory's own message may carry hosts or tokens from the kubeconfig; the user gets a plain sentence.
            Connection = new ClusterConnectionCheck(false, null, "The cluster could not be reached with this context.");
        }
        finally
        {
            IsChecking = false;
            Changed?.Invoke();
        }
    }

    /// <summary>Sets the target namespace (existing or new) and lists its Secrets.</summary>
    public async Task SetNamespaceAsync(string @namespace, CancellationToken cancellationToken)
    {
        Namespace = @namespace.Trim();
        SecretNames = [];
        Changed?.Invoke();
        await LoadSecretNamesAsync(cancellationToken);
        Changed?.Invoke();
    }

    private async Task LoadSecretNamesAsync(CancellationToken cancellationToken)
    {
        if (ExistingNamespace is null || Connection is not { Reachable: true })
        {
            return;
        }

        try
        {
            SecretNames = await directory.ListSecretNamesAsync(Context, Namespace, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SecretNames = [];
        }
    }
}
