using k8s.KubeConfigModels;

namespace RunnerConsole.Core.Cluster;

/// <summary>A context named in a kubeconfig file, as a user would pick it.</summary>
public sealed record KubeContextInfo(string Name, string Cluster, string? Server, string? User, string? Namespace, bool IsCurrent);

/// <summary>The contexts of one kubeconfig file, or why there are none.</summary>
public sealed record KubeconfigReadResult(string Path, IReadOnlyList<KubeContextInfo> Contexts, string? Problem)
{
    public bool Found => Problem is null;
}

/// <summary>Reads cluster contexts from a kubeconfig file without contacting any cluster.</summary>
public static class KubeconfigContexts
{
    /// <summary>
    /// The kubeconfig kubectl would use: <c>$KUBECONFIG</c> (a list of files, merged: see <see cref="KubeconfigFile"/>) or
    /// <c>~/.kube/config</c>.
    /// </summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        var fromEnv = environment("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(fromEnv) && KubeconfigFile.Files(fromEnv).Count > 0)
        {
            return string.Join(System.IO.Path.PathSeparator, KubeconfigFile.Files(fromEnv));
        }

        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return System.IO.Path.Combine(home, ".kube", "config");
    }

    /// <summary>Lists the contexts in <paramref name="path"/>; a missing or unreadable file is reported, not thrown.</summary>
    public static KubeconfigReadResult Read(string path)
    {
        if (!KubeconfigFile.Exists(path))
        {
            return new KubeconfigReadResult(path, [], $"no kubeconfig file at {path}");
        }

        K8SConfiguration config;
        try
        {
            config = KubeconfigFile.Load(path);
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            return new KubeconfigReadResult(path, [], $"{path} could not be read: {ex.Message}");
        }

        var clusters = (config.Clusters ?? []).ToDictionary(c => c.Name, c => c.ClusterEndpoint?.Server, StringComparer.Ordinal);
        var contexts = (config.Contexts ?? [])
            .Select(c => new KubeContextInfo(
                c.Name,
                c.ContextDetails?.Cluster ?? string.Empty,
                c.ContextDetails?.Cluster is { } cl && clusters.TryGetValue(cl, out var server) ? server : null,
                c.ContextDetails?.User,
                c.ContextDetails?.Namespace,
                string.Equals(c.Name, config.CurrentContext, StringComparison.Ordinal)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return new KubeconfigReadResult(path, contexts, null);
    }
}
