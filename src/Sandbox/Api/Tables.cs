using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox.Api;

/// <summary>Server-side printing (<c>as=Table</c>), with the columns kubectl shows for the common kinds.</summary>
internal static class Tables
{
    public static bool Wanted(HttpContext ctx) => Negotiation.RequestedAs(ctx) == "Table";

    private static JsonObject Column(string name, string type = "string", string format = "", int priority = 0) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = "",
        ["priority"] = priority,
    };

    private static readonly (string Name, string Type, string Format)[] Default = [("Name", "string", "name"), ("Age", "string", "")];

    private static (string Name, string Type, string Format)[] Columns(ResourceType type) => type.StorageKey switch
    {
        "pods" => [("Name", "string", "name"), ("Ready", "string", ""), ("Status", "string", ""), ("Restarts", "string", ""), ("Age", "string", "")],
        "deployments.apps" => [("Name", "string", "name"), ("Ready", "string", ""), ("Up-to-date", "integer", ""), ("Available", "integer", ""), ("Age", "string", "")],
        "statefulsets.apps" => [("Name", "string", "name"), ("Ready", "string", ""), ("Age", "string", "")],
        "replicasets.apps" => [("Name", "string", "name"), ("Desired", "integer", ""), ("Current", "integer", ""), ("Ready", "integer", ""), ("Age", "string", "")],
        "daemonsets.apps" => [("Name", "string", "name"), ("Desired", "integer", ""), ("Current", "integer", ""), ("Ready", "integer", ""), ("Up-to-date", "integer", ""), ("Available", "integer", ""), ("Age", "string", "")],
        "services" => [("Name", "string", "name"), ("Type", "string", ""), ("Cluster-IP", "string", ""), ("External-IP", "string", ""), ("Port(s)", "string", ""), ("Age", "string", "")],
        "jobs.batch" => [("Name", "string", "name"), ("Status", "string", ""), ("Completions", "string", ""), ("Age", "string", "")],
        "cronjobs.batch" => [("Name", "string", "name"), ("Schedule", "string", ""), ("Suspend", "boolean", ""), ("Active", "integer", ""), ("Last Schedule", "string", ""), ("Age", "string", "")],
        "configmaps" => [("Name", "string", "name"), ("Data", "integer", ""), ("Age", "string", "")],
        "secrets" => [("Name", "string", "name"), ("Type", "string", ""), ("Data", "integer", ""), ("Age", "string", "")],
        "namespaces" => [("Name", "string", "name"), ("Status", "string", ""), ("Age", "string", "")],
        "nodes" => [("Name", "string", "name"), ("Status", "string", ""), ("Roles", "string", ""), ("Age", "string", ""), ("Version", "string", "")],
        "events" => [("Last Seen", "string", ""), ("Type", "string", ""), ("Reason", "string", ""), ("Object", "string", ""), ("Message", "string", "")],
        _ => Default,
    };

    /// <summary><c>?includeObject=Object</c> (kubectl's <c>--sort-by</c>, custom columns): rows carry the whole object.</summary>
    public static bool WholeObjects(HttpContext ctx) => ctx.Request.Query["includeObject"] == "Object";

    public static JsonObject Build(ResourceType type, IEnumerable<StoredObject> items, string rv, string? continueToken, DateTimeOffset now, bool wholeObjects = false)
    {
        var rows = new JsonArray();
        foreach (var item in items)
        {
            rows.Add(Row(type, item.Obj, now, wholeObjects));
        }

        var meta = new JsonObject { ["resourceVersion"] = rv };
        if (continueToken is not null)
        {
            meta["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = meta,
            ["columnDefinitions"] = new JsonArray(Columns(type).Select(c => (JsonNode)Column(c.Name, c.Type, c.Format)).ToArray()),
            ["rows"] = rows,
        };
    }

    /// <summary>A one-row table for a watch event object.</summary>
    public static JsonObject Single(ResourceType type, JsonObject obj, DateTimeOffset now, bool wholeObjects = false)
    {
        var t = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = Json.Str(obj, "metadata", "resourceVersion") },
            ["columnDefinitions"] = new JsonArray(),
            ["rows"] = new JsonArray(Row(type, obj, now, wholeObjects)),
        };
        return t;
    }

    private static JsonObject Row(ResourceType type, JsonObject o, DateTimeOffset now, bool wholeObject)
    {
        var age = Age(Json.Str(o, "metadata", "creationTimestamp"), now);
        var name = Json.Name(o);
        long L(params string[] p) => Json.Long(o, p) ?? 0;
        JsonNode?[] cells = type.StorageKey switch
        {
            "pods" => PodCells(o, name, age),
            "deployments.apps" => [name, $"{L("status", "readyReplicas")}/{L("spec", "replicas")}", L("status", "updatedReplicas"), L("status", "availableReplicas"), age],
            "statefulsets.apps" => [name, $"{L("status", "readyReplicas")}/{L("spec", "replicas")}", age],
            "replicasets.apps" => [name, L("spec", "replicas"), L("status", "replicas"), L("status", "readyReplicas"), age],
            "daemonsets.apps" => [name, L("status", "desiredNumberScheduled"), L("status", "currentNumberScheduled"), L("status", "numberReady"), L("status", "updatedNumberScheduled"), L("status", "numberAvailable"), age],
            "services" => [name, Json.Str(o, "spec", "type") ?? "ClusterIP", Json.Str(o, "spec", "clusterIP") ?? "<none>", "<none>", Ports(o), age],
            "jobs.batch" => [name, JobStatus(o), $"{L("status", "succeeded")}/{Json.Long(o, "spec", "completions") ?? 1}", age],
            "cronjobs.batch" => [name, Json.Str(o, "spec", "schedule") ?? "", Json.Bool(o, "spec", "suspend") ?? false, (Json.At(o, "status", "active") as JsonArray)?.Count ?? 0, Age(Json.Str(o, "status", "lastScheduleTime"), now, "<none>"), age],
            "configmaps" => [name, (o["data"] as JsonObject)?.Count + (o["binaryData"] as JsonObject)?.Count ?? (o["data"] as JsonObject)?.Count ?? 0, age],
            "secrets" => [name, Json.Str(o, "type") ?? "Opaque", (o["data"] as JsonObject)?.Count ?? 0, age],
            "namespaces" => [name, Json.Str(o, "status", "phase") ?? "Active", age],
            "nodes" => [name, "Ready", Json.Labels(o).ContainsKey("node-role.kubernetes.io/control-plane") ? "control-plane" : "<none>", age, Json.Str(o, "status", "nodeInfo", "kubeletVersion") ?? ""],
            "events" => [Age(Json.Str(o, "lastTimestamp"), now), Json.Str(o, "type") ?? "Normal", Json.Str(o, "reason") ?? "",
                $"{(Json.Str(o, "involvedObject", "kind") ?? "").ToLowerInvariant()}/{Json.Str(o, "involvedObject", "name")}", Json.Str(o, "message") ?? ""],
            _ => [name, age],
        };
        var meta = new JsonObject();
        foreach (var key in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp", "labels", "annotations", "ownerReferences", "deletionTimestamp" })
        {
            if (Json.At(o, "metadata", key) is { } v)
            {
                meta[key] = v.DeepClone();
            }
        }

        return new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => c?.DeepClone()).ToArray()),
            ["object"] = wholeObject ? o.DeepClone() : new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = meta,
            },
        };
    }

    private static JsonNode?[] PodCells(JsonObject o, string name, string age)
    {
        var statuses = (Json.At(o, "status", "containerStatuses") as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var total = (Json.At(o, "spec", "containers") as JsonArray)?.Count ?? statuses.Count;
        var ready = statuses.Count(s => Json.Bool(s, "ready") == true);
        var restarts = statuses.Sum(s => Json.Long(s, "restartCount") ?? 0);
        var status = Json.Str(o, "status", "phase") ?? "Pending";
        foreach (var s in statuses)
        {
            if (Json.Str(s, "state", "waiting", "reason") is { Length: > 0 } waiting)
            {
                status = waiting;
            }
            else if (Json.Str(s, "state", "terminated", "reason") is { Length: > 0 } terminated && status != "Succeeded")
            {
                status = terminated;
            }
        }

        if (Json.At(o, "metadata", "deletionTimestamp") is not null)
        {
            status = "Terminating";
        }

        return [name, $"{ready}/{total}", status, restarts.ToString(CultureInfo.InvariantCulture), age];
    }

    private static string JobStatus(JsonObject o)
    {
        foreach (var c in (Json.At(o, "status", "conditions") as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (Json.Str(c, "status") == "True" && Json.Str(c, "type") is "Complete" or "Failed" or "Suspended")
            {
                return Json.Str(c, "type")!;
            }
        }

        return "Running";
    }

    private static string Ports(JsonObject o)
    {
        var ports = (Json.At(o, "spec", "ports") as JsonArray)?.OfType<JsonObject>()
            .Select(p => $"{Json.Long(p, "port")}/{Json.Str(p, "protocol") ?? "TCP"}").ToList() ?? [];
        return ports.Count == 0 ? "<none>" : string.Join(",", ports);
    }

    /// <summary>As kubectl's <c>duration.HumanDuration</c> prints it.</summary>
    public static string Age(string? timestamp, DateTimeOffset now, string none = "<unknown>")
    {
        if (timestamp is null || !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return none;
        }

        var d = now - t;
        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }

        var seconds = (long)d.TotalSeconds;
        if (seconds < 120)
        {
            return $"{seconds}s";
        }

        var minutes = (long)d.TotalMinutes;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        }

        if (minutes < 180)
        {
            return $"{minutes}m";
        }

        var hours = (long)d.TotalHours;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        }

        if (hours < 48)
        {
            return $"{hours}h";
        }

        if (hours < 192)
        {
            return hours % 24 == 0 ? $"{hours / 24}d" : $"{hours / 24}d{hours % 24}h";
        }

        return $"{hours / 24}d";
    }
}
