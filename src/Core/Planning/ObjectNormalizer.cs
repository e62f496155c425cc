using System.Text.Json.Nodes;
using k8s;
using RunnerConsole.Core.Cluster;

namespace RunnerConsole.Core.Planning;

/// <summary>
/// Reduces an object to what a person means by its content: server bookkeeping (managedFields,
/// status, resourceVersion, uid, timestamps, generation, selfLink) and kubectl's last-applied
/// annotation are dropped, empty metadata maps removed.
/// </summary>
public static class ObjectNormalizer
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly string[] DroppedMetadata =
        ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"];

    /// <summary>A normalised deep copy of a typed object.</summary>
    public static JsonObject Normalize(IKubernetesObject obj) =>
        Normalize(KubeObjects.ToJson(obj));

    /// <summary>A normalised deep copy; <paramref name="obj"/> is not modified.</summary>
    public static JsonObject Normalize(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in DroppedMetadata)
            {
                metadata.Remove(field);
            }

            if (metadata["annotations"] is JsonObject annotations)
            {
                annotations.Remove(LastAppliedAnnotation);
                if (annotations.Count == 0)
                {
                    metadata.Remove("annotations");
                }
            }

            if (metadata["labels"] is JsonObject { Count: 0 })
            {
                metadata.Remove("labels");
            }
        }

        return copy;
    }
}
