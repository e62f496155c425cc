using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace RunnerConsole.Core.Releases;

/// <summary>An object of a stored revision known by its identity only (API version, kind, namespace, name).</summary>
public sealed class StoredObjectIdentity : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();
}
