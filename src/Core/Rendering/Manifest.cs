using k8s;
using k8s.Models;
using RunnerConsole.Core.Yaml;

namespace RunnerConsole.Core.Rendering;

/// <summary>One rendered Kubernetes object and the chart path it is reported under (Helm's <c># Source:</c> line).</summary>
public sealed record Manifest(string Source, IKubernetesObject<V1ObjectMeta> Object)
{
    public string ApiVersion => Object.ApiVersion;

    public string Kind => Object.Kind;

    public string Name => Object.Metadata.Name;

    public string? Namespace => Object.Metadata.NamespaceProperty;

    /// <summary>Identity of the object in a cluster: group/version, kind, namespace and name.</summary>
    public ObjectKey Key => new(ApiVersion, Kind, Namespace, Name);

    /// <summary>
    /// The object as YAML, without a trailing newline unless the newline is part of the last value (a <c>|</c> block).
    /// </summary>
    public string ToYaml() => KubeYaml.SerializeTrimmed(Object);
}

/// <summary>Identity of a Kubernetes object, independent of its content.</summary>
public sealed record ObjectKey(string ApiVersion, string Kind, string? Namespace, string Name)
{
    public override string ToString() =>
        Namespace is null ? $"{Kind.ToLowerInvariant()}/{Name}" : $"{Kind.ToLowerInvariant()}/{Name} (ns {Namespace})";
}
