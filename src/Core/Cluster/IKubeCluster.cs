using System.Text.Json.Nodes;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Cluster;

/// <summary>How a server-side apply is sent.</summary>
public sealed record ApplyOptions
{
    public const string DefaultFieldManager = "runner-console";

    public string FieldManager { get; init; } = DefaultFieldManager;

    /// <summary>Take ownership of fields other managers own (<c>force=true</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Validate and return the result without storing it (<c>dryRun=All</c>).</summary>
    public bool DryRun { get; init; }
}

/// <summary>
/// The few cluster operations the engine needs, on plain JSON objects of any kind. Errors are
/// <see cref="KubeApiException"/>s naming the object; reads return null for "not found".
/// </summary>
public interface IKubeCluster
{
    /// <summary>A display name for the cluster (context name or server address).</summary>
    string Name { get; }

    Task<JsonObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> ListAsync(string apiVersion, string kind, string? ns, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>
    /// The names of the objects of a kind (in <paramref name="ns"/> for a namespaced kind). Asks for metadata only
    /// (<c>PartialObjectMetadataList</c>, as <c>kubectl</c> does), so neither Secret data nor specs cross the wire; a
    /// server that does not offer that answers with the full list, from which only the names are kept.
    /// </summary>
    Task<IReadOnlySet<string>> ListNamesAsync(string apiVersion, string kind, string? ns, CancellationToken cancellationToken);

    /// <summary>Server-side apply (<c>application/apply-patch+yaml</c>); creates the object when absent.</summary>
    Task<JsonObject> ApplyAsync(JsonObject obj, ApplyOptions options, CancellationToken cancellationToken);

    /// <summary>POST; fails with AlreadyExists (409) when the object exists. Never retried.</summary>
    Task<JsonObject> CreateAsync(JsonObject obj, CancellationToken cancellationToken);

    /// <summary>PUT of the whole object (unconditional when it carries no resourceVersion).</summary>
    Task<JsonObject> ReplaceAsync(JsonObject obj, CancellationToken cancellationToken);

    /// <summary>DELETE with background propagation; false when the object was already gone.</summary>
    Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken);

    /// <summary>Whether a kind is namespaced (from discovery); null when the server does not serve it.</summary>
    Task<bool?> IsNamespacedAsync(string apiVersion, string kind, CancellationToken cancellationToken);
}

/// <summary>Helpers for JSON objects as the cluster returns them.</summary>
public static class KubeObjects
{
    public static ObjectKey KeyOf(JsonObject obj) => new(
        (string?)obj["apiVersion"] ?? "v1",
        (string?)obj["kind"] ?? string.Empty,
        (string?)obj["metadata"]?["namespace"],
        (string?)obj["metadata"]?["name"] ?? string.Empty);

    /// <summary>A Namespace object named <paramref name="name"/>, as install creates it.</summary>
    public static JsonObject Namespace(string name) =>
        new() { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };

    /// <summary>A typed object as a JSON tree, written as everything else in Core writes objects (<see cref="Yaml.KubeYaml.Json"/>).</summary>
    public static JsonObject ToJson(k8s.IKubernetesObject obj) => JsonNode.Parse(Yaml.KubeYaml.Json(obj))!.AsObject();
}
