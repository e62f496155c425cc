using System.Net;
using k8s;
using k8s.Exceptions;

namespace RunnerConsole.Core.Cluster;

/// <summary>
/// A kubeconfig cluster's <c>proxy-url</c>: as in client-go (kubectl, helm), every request to that cluster goes through
/// it (<c>http</c>, <c>https</c> or <c>socks5</c>; <c>user:password@</c> are its credentials). KubernetesClient's
/// kubeconfig model has no such field and would drop it, sending the requests direct; <see cref="KubeconfigFile"/> reads it.
/// Without one, the usual <c>HTTPS_PROXY</c>/<c>NO_PROXY</c> variables apply, as in kubectl.
/// </summary>
public static class ClusterProxy
{
    private static readonly string[] Schemes = ["http", "https", "socks5"];

    /// <summary>
    /// The proxy of the cluster <paramref name="context"/> (default: the current context) uses; null when it names none.
    /// An unusable value throws <see cref="KubeConfigException"/> naming the cluster and the field (never the password):
    /// connecting direct instead would go where the kubeconfig said not to.
    /// </summary>
    public static Uri? Find(Kubeconfig kubeconfig, string? context)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        return kubeconfig.ClusterOf(context) is { } cluster && kubeconfig.ProxyUrls.TryGetValue(cluster, out var value) ? Parse(cluster, value) : null;
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
}
