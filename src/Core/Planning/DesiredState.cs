using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Yaml;

namespace RunnerConsole.Core.Planning;

/// <summary>Turns rendered objects into what is applied: namespaced kinds get the release namespace, all get Helm's ownership metadata.</summary>
public static class DesiredState
{
    // The JSON of each prepared copy, serialised once: planning, dry-run and apply all start from it.
    private static readonly ConditionalWeakTable<object, string> PreparedJson = [];

    public static async Task<IReadOnlyList<Manifest>> PrepareAsync(
        IEnumerable<Manifest> manifests, string release, string ns, IKubeCluster cluster, CancellationToken cancellationToken)
    {
        var list = manifests as IReadOnlyList<Manifest> ?? [.. manifests];
        var scopes = await ScopesAsync(list.Where(m => string.IsNullOrEmpty(m.Namespace)), cluster, cancellationToken);
        var prepared = new List<Manifest>(list.Count);
        foreach (var manifest in list)
        {
            var copy = Copy(manifest.Object);
            if (string.IsNullOrEmpty(copy.Metadata.NamespaceProperty) && scopes[(copy.ApiVersion, copy.Kind)] != false)
            {
                copy.Metadata.NamespaceProperty = ns;
            }

            HelmOwnership.Stamp(copy.Metadata, release, ns);
            // Prepared objects are the engine's own copies and are not changed after this: their JSON can be kept.
            PreparedJson.AddOrUpdate(copy, KubeYaml.Json(copy));
            prepared.Add(manifest with { Object = copy });
        }

        return ApplyPhases.Sort(prepared, m => m.Kind);
    }

    /// <summary>Fills in the namespace of namespaced objects from a stored manifest (Helm leaves it to the client).</summary>
    public static async Task<IReadOnlyList<Manifest>> WithNamespaceAsync(IEnumerable<Manifest> manifests, string ns, IKubeCluster cluster, CancellationToken cancellationToken)
    {
        var list = manifests as IReadOnlyList<Manifest> ?? [.. manifests];
        var scopes = await ScopesAsync(list.Where(m => string.IsNullOrEmpty(m.Namespace)), cluster, cancellationToken);
        var result = new List<Manifest>(list.Count);
        foreach (var manifest in list)
        {
            if (string.IsNullOrEmpty(manifest.Namespace) && scopes[(manifest.ApiVersion, manifest.Kind)] != false)
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

    /// <summary>
    /// The object as a fresh JSON tree (the caller may change it). For objects from <see cref="PrepareAsync"/> the
    /// serialisation done there is reused.
    /// </summary>
    public static JsonObject JsonOf(Manifest manifest) =>
        JsonNode.Parse(JsonTextOf(manifest))!.AsObject();

    /// <summary>The object's JSON text (see <see cref="JsonOf"/>).</summary>
    public static string JsonTextOf(Manifest manifest) =>
        PreparedJson.TryGetValue(manifest.Object, out var json) ? json : KubeYaml.Json(manifest.Object);

    // Whether each kind is namespaced, all API versions asked at once (built-in kinds need no request at all).
    private static async Task<Dictionary<(string ApiVersion, string Kind), bool?>> ScopesAsync(IEnumerable<Manifest> manifests, IKubeCluster cluster, CancellationToken cancellationToken)
    {
        var kinds = manifests.Select(m => (m.ApiVersion, m.Kind)).Distinct().ToList();
        var answers = await Task.WhenAll(kinds.Select(k => cluster.IsNamespacedAsync(k.ApiVersion, k.Kind, cancellationToken)));
        return kinds.Zip(answers).ToDictionary(x => x.First, x => x.Second);
    }

    // A copy whose metadata (the only part stamped) is its own; the rest is shared with the rendered object, which
    // nothing changes after rendering. Deserialising whole objects would cost a cold CLI process hundreds of ms.
    private static IKubernetesObject<V1ObjectMeta> Copy(IKubernetesObject<V1ObjectMeta> obj)
    {
        var copy = (IKubernetesObject<V1ObjectMeta>)ShallowClone.Invoke(obj, null)!;
        copy.Metadata = obj.Metadata is null ? new V1ObjectMeta() : KubeYaml.FromJsonText<V1ObjectMeta>(KubeYaml.Json(obj.Metadata));
        return copy;
    }

    private static readonly System.Reflection.MethodInfo ShallowClone =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
}
