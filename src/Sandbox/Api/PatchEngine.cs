using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Patching;

namespace RunnerConsole.Sandbox.Api;

/// <summary>The one seam between the HTTP layer and the patch engine (<c>RunnerConsole.Sandbox.Patching</c>).</summary>
internal static class PatchEngine
{
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch) => JsonMergePatch.Apply(target, patch);

    public static JsonNode? JsonPatch(JsonNode? target, JsonArray operations) => Patching.JsonPatch.Apply(target, operations);

    public static JsonNode? StrategicMergePatch(JsonNode? target, JsonNode? patch) => Patching.StrategicMergePatch.Apply(target, patch);

    public static bool IsPatchException(Exception ex) => ex is PatchException;

    /// <summary>Server-side apply; throws the 409 apply conflict when the engine reports conflicts.</summary>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now, ResourceType type, string name)
    {
        ApplyResult result;
        try
        {
            result = FieldManagement.Apply(live, applied, manager, force, now);
        }
        catch (PatchException ex)
        {
            throw ApiException.Invalid(type, name, [(ex.Path ?? "", "FieldValueInvalid", ex.Message)]);
        }

        if (result.Conflicts.Count > 0 || result.Object is null)
        {
            throw ApiException.ApplyConflict(type, name, result.ConflictMessage, result.Conflicts.Select(c => (c.CauseMessage, c.FieldPath)).ToList());
        }

        return result.Object;
    }

    public static void RecordUpdate(JsonObject? before, JsonObject after, string manager, DateTimeOffset now) =>
        FieldManagement.RecordUpdate(before, after, manager, now);
}
