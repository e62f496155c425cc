using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox.Api;

/// <summary>
/// Metadata-only answers (<c>Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1</c>), as
/// kubectl asks for them when it needs names and labels only (prune, <c>get -o name</c>): each object reduced to
/// kind <c>PartialObjectMetadata</c> with its whole <c>metadata</c>, no spec, data or status.
/// </summary>
internal static class PartialMetadata
{
    private const string Group = "meta.k8s.io/v1";

    /// <summary>Whether a list request asks for <c>PartialObjectMetadataList</c> (the first acceptable type wins, as on a real server).</summary>
    public static bool WantedForList(HttpContext ctx) => Negotiation.RequestedAs(ctx) == "PartialObjectMetadataList";

    /// <summary>Whether a single-object request asks for <c>PartialObjectMetadata</c>.</summary>
    public static bool WantedForObject(HttpContext ctx) => Negotiation.RequestedAs(ctx) == "PartialObjectMetadata";

    public static JsonObject Object(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = Group,
        ["metadata"] = (obj["metadata"] ?? new JsonObject()).DeepClone(),
    };

    public static JsonObject List(IEnumerable<StoredObject> items, string resourceVersion, string? continueToken, long? remaining)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
            metadata["remainingItemCount"] = remaining;
        }

        return new JsonObject
        {
            ["kind"] = "PartialObjectMetadataList",
            ["apiVersion"] = Group,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. items.Select(i => (JsonNode)Object(i.Obj))]),
        };
    }
}
