using k8s;
using k8s.Autorest;
using k8s.Models;

namespace RunnerConsole.Core.Cluster;

/// <summary>A namespace and what its pod security admission label enforces.</summary>
public sealed record NamespaceSummary(string Name, string? PodSecurityEnforce)
{
    /// <summary>Label of the Pod Security Admission level a namespace enforces.</summary>
    public const string EnforceLabel = "pod-security.kubernetes.io/enforce";

    /// <summary>dagger needs privileged pods: allowed when nothing (or <c>privileged</c>) is enforced.</summary>
    public bool AllowsPrivilegedPods => PodSecurityEnforce is null or "privileged";
}

/// <summary>Read-only questions the console asks a cluster before anything is changed.</summary>
public static class ClusterInspector
{
    /// <summary>The server's <c>gitVersion</c>, e.g. <c>v1.35.0</c>.</summary>
    public static async Task<string> GetServerVersionAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var version = await client.Version.GetCodeAsync(cancellationToken).ConfigureAwait(false);
        return version.GitVersion;
    }

    public static async Task<IReadOnlyList<NamespaceSummary>> ListNamespacesAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var list = await client.CoreV1.ListNamespaceAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return list.Items
            .Select(ns => new NamespaceSummary(
                ns.Metadata.Name,
                ns.Metadata.Labels is { } labels && labels.TryGetValue(NamespaceSummary.EnforceLabel, out var level) ? level : null))
            .OrderBy(ns => ns.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Names of the Secrets in a namespace; their data is never read into the result.</summary>
    public static async Task<IReadOnlyList<string>> ListSecretNamesAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken)
    {
        try
        {
            var list = await client.CoreV1.ListNamespacedSecretAsync(@namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return list.Items
                .Where(s => s.Type != "helm.sh/release.v1")
                .Select(s => s.Metadata.Name)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    /// <summary>
    /// A client for one context of a kubeconfig file, verifying the server as kubectl does (<see cref="ServerTrust"/>),
    /// through the cluster's <c>proxy-url</c> and as the user's <c>as</c> identity, with what explains its connection
    /// failures.
    /// </summary>
    public static (IKubernetes Client, ConnectionDiagnosis Diagnosis) CreateClient(string kubeconfigPath, string context, TimeSpan? timeout = null)
    {
        var connection = ClusterConnection.FromKubeconfig(kubeconfigPath, context, TimeProvider.System);
        connection.Config.HttpClientTimeout = timeout ?? TimeSpan.FromSeconds(30);
        return (new Kubernetes(connection.Config, [.. connection.Handlers]), connection.Diagnosis);
    }

    /// <summary>A short, user-facing reason a request failed, without stack traces.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.Unauthorized } http =>
            $"the API server refused the kubeconfig user's credentials (401 Unauthorized{(http.Response.Content is { Length: > 0 } c && TryStatusMessage(c) is { } m ? ": " + m : string.Empty)}); log in again or renew the token",
        HttpOperationException http when http.Response?.Content is { Length: > 0 } content && TryStatusMessage(content) is { } message =>
            $"{(int)http.Response.StatusCode} {message}",
        HttpOperationException http => $"the API server answered {(int)http.Response.StatusCode} {http.Response.ReasonPhrase}",
        HttpRequestException http => $"could not connect: {http.Message}",
        TaskCanceledException or OperationCanceledException => "timed out waiting for the API server",
        k8s.Exceptions.KubeConfigException kube => $"kubeconfig problem: {kube.Message}",
        _ => exception.Message,
    };

    private static string? TryStatusMessage(string content)
    {
        try
        {
            return KubernetesJson.Deserialize<V1Status>(content)?.Message;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
