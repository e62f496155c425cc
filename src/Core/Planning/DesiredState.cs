using k8s;
using k8s.Models;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Planning;

/// <summary>Turns rendered objects into what is applied: namespaced kinds get the release namespace, all get Helm's ownership metadata.</summary>
public static class DesiredState
{
    private static readonly System.Reflection.MethodInfo DeserializeMethod = typeof(KubernetesJson).GetMethods()
        .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters() is [{ ParameterType: var p }, _] && p == typeof(string));

    public static async Task<IReadOnlyList<Manifest>> PrepareAsync(
        IEnumerable<Manifest> manifests, string release, string ns, IKubeCluster cluster, CancellationToken cancellationToken)
    {
        var prepared = new List<Manifest>();
        foreach (var manifest in manifests)
        {
            var copy = Copy(manifest.Object);
            if (string.IsNullOrEmpty(copy.Metadata.NamespaceProperty)
                && await cluster.IsNamespacedAsync(copy.ApiVersion, copy.Kind, cancellationToken) != false)
            {
                copy.Metadata.NamespaceProperty = ns;
            }

            HelmOwnership.Stamp(copy.Metadata, release, ns);
            prepared.Add(manifest with { Object = copy });
        }

        return ApplyPhases.Sort(prepared, m => m.Kind);
    }

    /// <summary>Fills in the namespace of namespaced objects from a stored manifest (Helm leaves it to the client).</summary>
    public static async Task<IReadOnlyList<Manifest>> WithNamespaceAsync(IEnumerable<Manifest> manifests, string ns, IKubeCluster cluster, CancellationToken cancellationToken)
    {
        var result = new List<Manifest>();
        foreach (var manifest in manifests)
        {
            if (string.IsNullOrEmpty(manifest.Namespace)
                && await cluster.IsNamespacedAsync(manifest.ApiVersion, manifest.Kind, cancellationToken) != false)
            {
                var copy = Copy(manifest.Object);
                copy.Metadata.NamespaceProperty = ns;
                result.Add(manifest with { Object = copy });
            }
            else
            {
                result.Add(manifest);
            }
        }

        return result;
    }

    private static IKubernetesObject<V1ObjectMeta> Copy(IKubernetesObject<V1ObjectMeta> obj)
    {
        var copy = (IKubernetesObject<V1ObjectMeta>)DeserializeMethod.MakeGenericMethod(obj.GetType()).Invoke(null, [KubernetesJson.Serialize(obj), null])!;
        copy.Metadata ??= new V1ObjectMeta();
        return copy;
    }
}
