using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RunnerConsole.Core.Cluster;

/// <summary>
/// Reads a kubeconfig into KubernetesClient's model, which then builds the connection (auth, TLS) as usual.
/// KubernetesClient's own loader goes through <c>KubernetesYaml</c>, whose first use maps every Kubernetes model type
/// by reflection (most of a CLI run's start-up); the kubeconfig model needs none of that. Same YAML rules: camel-case
/// names with the model's own aliases, merge keys, unknown fields ignored; relative paths resolve next to their file.
/// <para>
/// A path may be a list, as <c>$KUBECONFIG</c> is (<c>a:b</c>): the files are merged as kubectl merges them: the first
/// file to name a cluster, user or context wins it, <c>current-context</c> comes from the first file that sets one,
/// and files of the list that do not exist are skipped.
/// </para>
/// </summary>
/// <summary>
/// A kubeconfig as read: KubernetesClient's model, and what that model drops: each cluster's <c>proxy-url</c> (by
/// cluster name, for the cluster definitions that won the merge).
/// </summary>
public sealed record Kubeconfig(K8SConfiguration Config, IReadOnlyDictionary<string, string> ProxyUrls)
{
    /// <summary>The cluster <paramref name="context"/> (default: the current context) uses, by name.</summary>
    public string? ClusterOf(string? context) => ContextOf(context)?.Cluster;

    /// <summary>The user <paramref name="context"/> (default: the current context) uses, by name.</summary>
    public string? UserOf(string? context) => ContextOf(context)?.User;

    private ContextDetails? ContextOf(string? context)
    {
        var name = context ?? Config.CurrentContext;
        return Config.Contexts?.FirstOrDefault(c => c.Name == name)?.ContextDetails;
    }
}

public static class KubeconfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithAttemptingUnquotedStringTypeDeserialization()
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>The files of a path list (<see cref="Path.PathSeparator"/>-separated, as <c>$KUBECONFIG</c>).</summary>
    public static IReadOnlyList<string> Files(string pathList) =>
        pathList.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether there is anything to read: the file, or for a list any of its files.</summary>
    public static bool Exists(string pathList) => Files(pathList).Any(File.Exists);

    /// <summary>KubernetesClient's model of the kubeconfig at <paramref name="pathList"/>.</summary>
    public static K8SConfiguration Load(string pathList) => Read(pathList).Config;

    /// <summary>The kubeconfig at <paramref name="pathList"/> with the fields KubernetesClient's model drops; each file read once.</summary>
    public static Kubeconfig Read(string pathList)
    {
        var files = Files(pathList);
        if (files.Count <= 1)
        {
            return ReadFile(files.Count == 0 ? pathList : files[0]);
        }

        var existing = files.Where(File.Exists).ToList();
        if (existing.Count == 0)
        {
            throw new KubeConfigException($"no kubeconfig file at any of {string.Join(", ", files.Select(Path.GetFullPath))}");
        }

        return Merge([.. existing.Select(ReadFile)]);
    }

    private static Kubeconfig ReadFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new KubeConfigException($"kubeconfig file not found at {file.FullName}");
        }

        var text = File.ReadAllText(file.FullName);
        K8SConfiguration? config;
        Dictionary<string, string> proxies = new(StringComparer.Ordinal);
        try
        {
            config = Deserializer.Deserialize<K8SConfiguration>(new MergingParser(new Parser(new StringReader(text))));
            if (text.Contains("proxy-url", StringComparison.Ordinal))
            {
                var clusters = Deserializer.Deserialize<ProxyFields>(new MergingParser(new Parser(new StringReader(text))))?.Clusters ?? [];
                foreach (var cluster in clusters)
                {
                    if (cluster.Name is { } name && !string.IsNullOrWhiteSpace(cluster.Cluster?.ProxyUrl))
                    {
                        proxies.TryAdd(name, cluster.Cluster.ProxyUrl.Trim());
                    }
                }
            }
        }
        catch (YamlException ex)
        {
            // Where in the file, and what is wrong there in YAML's terms (YamlDotNet's own words for a type mismatch name
            // .NET types). A list where one value belongs: as-user-extra in client-go's list shape, say, which
            // KubernetesClient's model holds as one value per key.
            var what = ex.Message.StartsWith("No node deserializer", StringComparison.Ordinal)
                ? "a list or map where this client's kubeconfig model holds a single value"
                : ex.Message;
            throw new KubeConfigException($"{file.FullName}:{ex.Start.Line}:{ex.Start.Column}: {what}", ex);
        }

        if (config is null)
        {
            throw new KubeConfigException($"kubeconfig file {file.FullName} is empty");
        }

        config.FileName = file.FullName;
        return new Kubeconfig(config, proxies);
    }

    // kubectl's merge: the first file to define a name keeps it (a cluster's proxy-url goes with its definition). Paths
    // inside each file are made absolute first, since the merged configuration has one file name only.
    private static Kubeconfig Merge(IReadOnlyList<Kubeconfig> files)
    {
        foreach (var file in files)
        {
            Absolutize(file.Config);
        }

        var configs = files.Select(f => f.Config).ToList();
        var clusters = FirstByName(files.SelectMany(f => (f.Config.Clusters ?? []).Select(c => (Cluster: c, f.ProxyUrls))), c => c.Cluster.Name);
        var merged = new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            FileName = configs[0].FileName,
            CurrentContext = configs.Select(f => f.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            Clusters = [.. clusters.Select(c => c.Cluster)],
            Users = FirstByName(configs.SelectMany(f => f.Users ?? []), u => u.Name),
            Contexts = FirstByName(configs.SelectMany(f => f.Contexts ?? []), c => c.Name),
            Preferences = configs.Select(f => f.Preferences).FirstOrDefault(p => p is { Count: > 0 }),
        };
        var proxies = clusters
            .Where(c => c.ProxyUrls.ContainsKey(c.Cluster.Name))
            .ToDictionary(c => c.Cluster.Name, c => c.ProxyUrls[c.Cluster.Name], StringComparer.Ordinal);
        return new Kubeconfig(merged, proxies);
    }

    private static List<T> FirstByName<T>(IEnumerable<T> items, Func<T, string?> name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. items.Where(i => name(i) is { } n && seen.Add(n))];
    }

    private static void Absolutize(K8SConfiguration config)
    {
        var dir = Path.GetDirectoryName(config.FileName)!;
        foreach (var cluster in config.Clusters ?? [])
        {
            if (cluster.ClusterEndpoint is { } endpoint)
            {
                endpoint.CertificateAuthority = Absolute(dir, endpoint.CertificateAuthority);
            }
        }

        foreach (var user in config.Users ?? [])
        {
            if (user.UserCredentials is { } credentials)
            {
                credentials.ClientCertificate = Absolute(dir, credentials.ClientCertificate);
                credentials.ClientKey = Absolute(dir, credentials.ClientKey);
                if (credentials.ExternalExecution is { Command: { } command } exec && command.Contains('/', StringComparison.Ordinal))
                {
                    // A command with a separator is relative to its kubeconfig (client-go); a bare name is looked up on PATH.
                    exec.Command = Absolute(dir, command);
                }
            }
        }
    }

    private static string? Absolute(string dir, string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(dir, path));

    // The one cluster field KubernetesClient's model has no place for.
    private sealed class ProxyFields
    {
        public List<NamedCluster>? Clusters { get; set; }

        public sealed class NamedCluster
        {
            public string? Name { get; set; }

            public ClusterFields? Cluster { get; set; }
        }

        public sealed class ClusterFields
        {
            [YamlMember(Alias = "proxy-url", ApplyNamingConventions = false)]
            public string? ProxyUrl { get; set; }
        }
    }
}
