using System.Collections;
using k8s;
using k8s.Models;
using RunnerConsole.Core.Yaml;

namespace RunnerConsole.Core.Rendering;

/// <summary>An ordered set of rendered objects: the unit that policy, planning and apply work on.</summary>
public sealed class ManifestSet(IReadOnlyList<Manifest> items) : IReadOnlyList<Manifest>
{
    public static ManifestSet Empty { get; } = new([]);

    public int Count => items.Count;

    public Manifest this[int index] => items[index];

    public IEnumerator<Manifest> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>All objects as one multi-document YAML stream, ending with a newline.</summary>
    public string ToYaml() => KubeYaml.SerializeStream(items.Select(m => ((string?)null, (object)m.Object)), separatorBeforeFirst: false);

    /// <summary>
    /// Reads a multi-document YAML stream of Kubernetes objects (any chart's output, an old template…).
    /// Unknown kinds and malformed documents are reported by <see cref="KubernetesYaml"/> as exceptions.
    /// </summary>
    public static ManifestSet Parse(string yaml, string source)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml);
        var manifests = new List<Manifest>(objects.Count);
        foreach (var obj in objects)
        {
            if (obj is IKubernetesObject<V1ObjectMeta> typed)
            {
                manifests.Add(new Manifest(source, typed));
            }
        }

        return new ManifestSet(manifests);
    }
}
