using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox;

/// <summary>The <c>--state FILE</c> format: <c>{"resourceVersion": N, "objects": [{"resource": "deployments.apps", "object": {...}}]}</c>.</summary>
internal static class StateFile
{
    public static void Save(SandboxServer server, string path)
    {
        var objects = new JsonArray();
        foreach (var (key, stored) in server.Store.Everything())
        {
            objects.Add(new JsonObject { ["resource"] = key, ["object"] = stored.Obj.DeepClone() });
        }

        var doc = new JsonObject
        {
            ["kind"] = "SandboxState",
            ["resourceVersion"] = server.Store.CurrentResourceVersion,
            ["objects"] = objects,
        };
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, full, overwrite: true);
    }

    public static void Load(SandboxServer server, string path)
    {
        JsonNode? doc;
        try
        {
            doc = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"sandbox state file '{path}' is not valid JSON: {ex.Message}", ex);
        }

        var max = Json.Long(doc, "resourceVersion") ?? 0;
        foreach (var entry in (doc?["objects"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Json.Str(entry, "resource") is not { } key || entry["object"] is not JsonObject obj)
            {
                continue;
            }

            var rv = long.TryParse(Json.Str(obj, "metadata", "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
            var copy = (JsonObject)obj.DeepClone();
            server.Store.Load(key, copy, rv);
            if (key == "customresourcedefinitions.apiextensions.k8s.io")
            {
                server.Api.RegisterCustomResourceDefinition(copy);
            }
        }

        server.Store.EnsureResourceVersionAtLeast(max);
    }
}
