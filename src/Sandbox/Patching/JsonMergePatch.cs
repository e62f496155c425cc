using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>RFC 7386 JSON merge patch.</summary>
public static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/>; neither input is mutated.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return JsonClone.Clone(patch);
        }

        var result = target is JsonObject targetObject ? JsonClone.CloneObject(targetObject) : [];
        MergeInto(result, patchObject);
        return result;
    }

    private static void MergeInto(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchChild)
            {
                if (target[key] is JsonObject targetChild)
                {
                    MergeInto(targetChild, patchChild);
                }
                else
                {
                    var fresh = new JsonObject();
                    MergeInto(fresh, patchChild);
                    target[key] = fresh;
                }
            }
            else
            {
                target[key] = JsonClone.Clone(value);
            }
        }
    }
}
