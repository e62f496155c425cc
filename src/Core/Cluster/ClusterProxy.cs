using System.Net;
using k8s;
using k8s.Exceptions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RunnerConsole.Core.Cluster;

/// <summary>
/// A kubeconfig cluster's <c>proxy-url</c>: as in client-go (kubectl, helm), every request to that cluster goes through
/// it (<c>http</c>, <c>https</c> or <c>socks5</c>; <c>user:password@</c> are its credentials). KubernetesClient's
/// kubeconfig model has no such field and would drop it, sending the requests direct; it is read here from the file.
/// Without one, the usual <c>HTTPS_PROXY</c>/<c>NO_PROXY</c> variables apply, as in kubectl.
/// </summary>
public static class ClusterProxy
{
    private static readonly string[] Schemes = ["http", "https", "socks5"];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>
    /// The proxy of the cluster <paramref name="context"/> (default: the current context) uses in the kubeconfig at
    /// <paramref name="kubeconfigPath"/>; null when it names none. An unusable value throws <see cref="KubeConfigException"/>
    /// naming the cluster and the field (never the password): connecting direct instead would go where the kubeconfig
    /// said not to.
    /// </summary>
    public static Uri? Find(string kubeconfigPath, string? context)
    {
        // A list ($KUBECONFIG) is merged as KubeconfigFile merges it: the first file to name a context or cluster wins it.
        var texts = KubeconfigFile.Files(kubeconfigPath).Where(File.Exists).Select(File.ReadAllText).ToList();
        if (!texts.Any(t => t.Contains("proxy-url", StringComparison.Ordinal)))
        {
            return null;
        }

        var documents = texts.Select(t => Deserializer.Deserialize<Document>(new MergingParser(new Parser(new StringReader(t)))) ?? new Document()).ToList();
        var contextName = context ?? documents.Select(d => d.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c));
        var clusterName = documents.SelectMany(d => d.Contexts ?? []).FirstOrDefault(c => c.Name == contextName)?.Context?.Cluster;
        var value = documents.SelectMany(d => d.Clusters ?? []).FirstOrDefault(c => c.Name == clusterName)?.Cluster?.ProxyUrl;
        return string.IsNullOrWhiteSpace(value) ? null : Parse(clusterName!, value.Trim());
    }

    /// <summary>Checks a <c>proxy-url</c> value as client-go accepts it.</summary>
    public static Uri Parse(string clusterName, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new KubeConfigException($"cluster '{clusterName}': proxy-url is not a URL ({Redact(value)})");
        }

        if (!Schemes.Contains(uri.Scheme, StringComparer.Ordinal))
        {
            throw new KubeConfigException($"cluster '{clusterName}': proxy-url scheme '{uri.Scheme}' is not supported (use {string.Join(", ", Schemes)})");
        }

        return uri;
    }

    /// <summary>Routes <paramref name="config"/>'s connection through <paramref name="proxy"/> (nothing when null).</summary>
    public static void Apply(KubernetesClientConfiguration config, Uri? proxy)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (proxy is null)
        {
            return;
        }

        var previous = config.FirstMessageHandlerSetup;
        config.FirstMessageHandlerSetup = handler =>
        {
            previous?.Invoke(handler);
            handler.UseProxy = true;
            handler.Proxy = Create(proxy);
        };
    }

    /// <summary>The proxy's address as it may be shown: no user name or password.</summary>
    public static string Redact(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : value.Contains('@', StringComparison.Ordinal) ? "<redacted>" : value;

    private static WebProxy Create(Uri proxy)
    {
        // The address without the user info (WebProxy would otherwise carry it along); the user info becomes the
        // credentials, offered when the proxy asks for them.
        var address = new UriBuilder(proxy.Scheme, proxy.Host, proxy.Port).Uri;
        var webProxy = new WebProxy(address) { BypassProxyOnLocal = false };
        if (proxy.UserInfo.Length > 0)
        {
            var parts = proxy.UserInfo.Split(':', 2);
            webProxy.Credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        }

        return webProxy;
    }

    private sealed class Document
    {
        [YamlMember(Alias = "current-context", ApplyNamingConventions = false)]
        public string? CurrentContext { get; set; }

        public List<NamedContext>? Contexts { get; set; }

        public List<NamedCluster>? Clusters { get; set; }
    }

    private sealed class NamedContext
    {
        public string? Name { get; set; }

        public ContextFields? Context { get; set; }
    }

    private sealed class ContextFields
    {
        public string? Cluster { get; set; }
    }

    private sealed class NamedCluster
    {
        public string? Name { get; set; }

        public ClusterFields? Cluster { get; set; }
    }

    private sealed class ClusterFields
    {
        [YamlMember(Alias = "proxy-url", ApplyNamingConventions = false)]
        public string? ProxyUrl { get; set; }
    }
}
