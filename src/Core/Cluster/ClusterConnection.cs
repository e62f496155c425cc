using k8s;

namespace RunnerConsole.Core.Cluster;

/// <summary>
/// How one kubeconfig context is reached, as kubectl reaches it, in one place for the engine's client
/// (<see cref="KubeCluster"/>) and the console's (<see cref="ClusterInspector"/>): the cluster's <c>proxy-url</c>
/// (<see cref="ClusterProxy"/>), the user's impersonation (<see cref="ClusterImpersonation"/>), the server's trust and
/// no credentials over plain http (<see cref="ServerTrust"/>), and what explains a failed connection.
/// Build the client from <see cref="Config"/> with <see cref="Handlers"/> innermost of any of its own.
/// </summary>
public sealed record ClusterConnection(KubernetesClientConfiguration Config, IReadOnlyList<DelegatingHandler> Handlers, ServerTrust Trust, ConnectionDiagnosis Diagnosis)
{
    /// <summary>The connection of <paramref name="context"/> (default: the current one) in the kubeconfig at <paramref name="pathList"/>.</summary>
    public static ClusterConnection FromKubeconfig(string pathList, string? context, TimeProvider time)
    {
        var kubeconfig = KubeconfigFile.Read(pathList);
        var config = KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig.Config, context);
        var proxy = ClusterProxy.Find(kubeconfig, context);
        ClusterProxy.Apply(config, proxy);
        var handlers = ClusterImpersonation.Of(kubeconfig, context)?.HandlersFor(new Uri(config.Host)) ?? [];
        return Secured(config, handlers, proxy, time);
    }

    /// <summary>The connection of a pod's service account.</summary>
    public static ClusterConnection InCluster(TimeProvider time) => Secured(KubernetesClientConfiguration.InClusterConfig(), [], null, time);

    private static ClusterConnection Secured(KubernetesClientConfiguration config, DelegatingHandler[] handlers, Uri? proxy, TimeProvider time)
    {
        var trust = ServerTrust.Apply(config);
        return new ClusterConnection(config, handlers, trust, new ConnectionDiagnosis(trust, new Uri(config.Host), proxy, time));
    }
}
