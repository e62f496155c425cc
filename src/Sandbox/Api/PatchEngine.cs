using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Api;

/// <summary>
/// The one seam between the HTTP layer and the patch engine (<c>RunnerConsole.Sandbox.Patching</c>).
/// </summary>
internal static class PatchEngine
{
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch) => InterimPatching.MergePatch(target, patch);

    public static JsonNode? JsonPatch(JsonNode? target, JsonArray operations) => InterimPatching.JsonPatch(target, operations);

    public static JsonNode? StrategicMergePatch(JsonNode? target, JsonNode? patch) => InterimPatching.Strategic(target, patch);

    public static bool IsPatchException(Exception ex) => ex is InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException;

    /// <summary>Server-side apply; throws the 409 apply conflict when the engine reports conflicts.</summary>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now, ResourceType type, string name)
    {
        var result = InterimPatching.Apply(live, applied, manager, now);
        return result;
    }

    public static void RecordUpdate(JsonObject? before, JsonObject after, string manager, DateTimeOffset now) =>
        InterimPatching.RecordUpdate(before, after, manager, now);
}
