using k8s.Models;
using RunnerConsole.Core.Rendering;
using YamlDotNet.Serialization;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>A pod template in a rendered set, with the object that owns it.</summary>
internal sealed record RenderedPod(Manifest Owner, V1ObjectMeta Metadata, V1PodSpec Spec)
{
    public IEnumerable<V1Container> AllContainers => Spec.Containers.Concat(Spec.InitContainers ?? []);
}

/// <summary>Queries over a rendered <see cref="ManifestSet"/> the property tests share.</summary>
internal static class RenderedObjects
{
    public static IEnumerable<T> OfType<T>(this ManifestSet set) => set.Select(m => m.Object).OfType<T>();

    public static T Single<T>(this ManifestSet set, string name)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta> =>
        set.Select(m => m.Object).OfType<T>().Single(o => o.Metadata.Name == name);

    public static IEnumerable<RenderedPod> Pods(this ManifestSet set)
    {
        foreach (var manifest in set)
        {
            switch (manifest.Object)
            {
                case V1Deployment d:
                    yield return new RenderedPod(manifest, d.Spec.Template.Metadata, d.Spec.Template.Spec);
                    break;
                case V1CronJob c:
                    yield return new RenderedPod(manifest, c.Spec.JobTemplate.Spec.Template.Metadata, c.Spec.JobTemplate.Spec.Template.Spec);
                    break;
                case V1StatefulSet or V1DaemonSet or V1Job or V1Pod:
                    throw new InvalidOperationException($"add {manifest.Kind} to RenderedObjects.Pods");
            }
        }
    }

    public static RenderedPod Pod(this ManifestSet set, string ownerName) => set.Pods().Single(p => p.Owner.Name == ownerName);

    /// <summary>A config file from a ConfigMap, parsed into plain maps and lists.</summary>
    public static Dictionary<object, object> ConfigFile(this ManifestSet set, string configMap, string key) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(set.Single<V1ConfigMap>(configMap).Data[key]);

    /// <summary>Walks a parsed YAML tree by map keys.</summary>
    public static object At(this object node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((Dictionary<object, object>)node)[key];
        }

        return node;
    }

    public static List<object> List(this object node, params string[] path) => (List<object>)node.At(path);

    public static Dictionary<object, object> Map(this object node, params string[] path) => (Dictionary<object, object>)node.At(path);
}
