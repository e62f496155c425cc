using System.Collections.Concurrent;
using k8s;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Model.Clusters;

namespace RunnerConsole.Hosting;

/// <summary>
/// The clusters the console offers: the contexts of the kubeconfig, plus the built-in sandbox when there are none
/// or when <c>--sandbox</c> was given. Clients are created once per context and shared (they are thread-safe).
/// </summary>
public sealed class ClusterDirectory(KubeconfigLocation kubeconfig, SandboxHost sandbox, ConsoleWebAppSettings settings) : IClusterDirectory
{
    private readonly ConcurrentDictionary<string, (IKubernetes Client, ConnectionDiagnosis Diagnosis)> _clients = new(StringComparer.Ordinal);

    public IReadOnlyList<ClusterChoice> List()
    {
        var read = KubeconfigContexts.Read(kubeconfig.Path);
        var choices = read.Contexts
            .OrderByDescending(c => c.IsCurrent)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ClusterChoice(c.Name, c.Name, IsSandbox: false, c.Server, c.IsCurrent))
            .ToList();
        if (OffersSandbox(choices))
        {
            choices.Add(new ClusterChoice(SandboxHost.ContextName, SandboxHost.Label, IsSandbox: true, Server: null, IsCurrent: choices.Count == 0));
        }

        return choices;
    }

    public async Task<ClusterConnectionCheck> CheckAsync(string context, CancellationToken cancellationToken)
    {
        try
        {
            var client = await ClientAsync(context, cancellationToken);
            var version = await ClusterInspector.GetServerVersionAsync(client, cancellationToken);
            return new ClusterConnectionCheck(true, version, null);
        }
        catch (HttpRequestException ex) when (_clients.TryGetValue(context, out var connection))
        {
            // .NET's own words for a refused certificate or an unreachable proxy; say what is wrong, as kubectl does.
            var explained = await connection.Diagnosis.ExplainAsync(ex);
            return new ClusterConnectionCheck(false, null, explained?.Message ?? ClusterInspector.Describe(ex));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ClusterConnectionCheck(false, null, ClusterInspector.Describe(ex));
        }
    }

    public async Task<IReadOnlyList<NamespaceInfo>> ListNamespacesAsync(string context, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(context, cancellationToken);
        var namespaces = await ClusterInspector.ListNamespacesAsync(client, cancellationToken);
        return namespaces.Select(ns => new NamespaceInfo(ns.Name, ns.AllowsPrivilegedPods, ns.PodSecurityEnforce)).ToList();
    }

    public async Task<IReadOnlyList<string>> ListSecretNamesAsync(string context, string @namespace, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(context, cancellationToken);
        return await ClusterInspector.ListSecretNamesAsync(client, @namespace, cancellationToken);
    }

    /// <summary>The kubeconfig file and context name to reach <paramref name="context"/> (starting the sandbox if needed).</summary>
    public async Task<(string KubeconfigPath, string Context)> ResolveAsync(string context, CancellationToken cancellationToken)
    {
        if (IsSandbox(context))
        {
            var path = await sandbox.EnsureStartedAsync(cancellationToken);
            return (path, Sandbox.SandboxServer.ContextName);
        }

        if (!KubeconfigContexts.Read(kubeconfig.Path).Contexts.Any(c => c.Name == context))
        {
            throw new ArgumentException($"context '{context}' is not in {kubeconfig.Path}", nameof(context));
        }

        return (kubeconfig.Path, context);
    }

    public async Task<IKubernetes> ClientAsync(string context, CancellationToken cancellationToken)
    {
        if (_clients.TryGetValue(context, out var existing))
        {
            return existing.Client;
        }

        var (path, name) = await ResolveAsync(context, cancellationToken);
        return _clients.GetOrAdd(context, _ => ClusterInspector.CreateClient(path, name)).Client;
    }

    private bool IsSandbox(string context) =>
        context == SandboxHost.ContextName && List().Any(c => c.IsSandbox && c.Context == context);

    private bool OffersSandbox(List<ClusterChoice> fromKubeconfig) =>
        (settings.Sandbox || fromKubeconfig.Count == 0) && fromKubeconfig.All(c => c.Context != SandboxHost.ContextName);
}
