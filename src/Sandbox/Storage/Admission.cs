using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RunnerConsole.Sandbox.Api;

namespace RunnerConsole.Sandbox.Storage;

/// <summary>Basic admission: name rules, defaults the real API server adds, a few validations clients meet often.</summary>
internal static partial class Admission
{
    private const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string Dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    private static readonly HashSet<string> LabelNamed = ["namespaces", "services"];

    /// <summary>Kinds without a spec-tracking generation in Kubernetes.</summary>
    private static readonly HashSet<string> NoGeneration = ["configmaps", "secrets", "serviceaccounts", "events", "endpoints", "roles", "rolebindings", "clusterroles", "clusterrolebindings", "namespaces", "nodes", "limitranges"];

    public static bool TracksGeneration(ResourceType type) => !NoGeneration.Contains(type.Plural);

    public static void ValidateName(ResourceType type, string name)
    {
        if (name.Length == 0)
        {
            throw ApiException.Invalid(type, name, [("metadata.name", "FieldValueRequired", "Required value: name or generateName is required")]);
        }

        var label = LabelNamed.Contains(type.Plural) && type.Group.Length == 0;
        var max = label ? 63 : 253;
        if (name.Length > max)
        {
            throw ApiException.Invalid(type, name, [("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": must be no more than {max} characters")]);
        }

        if (label ? !Label().IsMatch(name) : !Subdomain().IsMatch(name))
        {
            throw ApiException.Invalid(type, name, [("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": {(label ? Dns1123LabelMessage : Dns1123SubdomainMessage)}")]);
        }
    }

    /// <summary>Adds the defaults a real API server adds on every write (idempotent).</summary>
    public static void Default(ResourceType type, JsonObject obj, Func<string> allocateClusterIp)
    {
        switch (type.StorageKey)
        {
            case "namespaces":
                {
                    var status = Json.Obj(obj, "status");
                    Json.SetIfAbsent(status, "phase", "Active");
                    var labels = Json.Obj(Json.Meta(obj), "labels");
                    labels["kubernetes.io/metadata.name"] = Json.Name(obj);
                    var spec = Json.Obj(obj, "spec");
                    Json.SetIfAbsent(spec, "finalizers", new JsonArray("kubernetes"));
                    break;
                }

            case "secrets":
                {
                    Json.SetIfAbsent(obj, "type", "Opaque");
                    if (obj["stringData"] is JsonObject stringData)
                    {
                        var data = Json.Obj(obj, "data");
                        foreach (var (k, v) in stringData)
                        {
                            data[k] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(v is JsonValue jv ? Json.ScalarText(jv) : v?.ToJsonString() ?? ""));
                        }

                        obj.Remove("stringData");
                    }

                    break;
                }

            case "services":
                {
                    var spec = Json.Obj(obj, "spec");
                    Json.SetIfAbsent(spec, "type", "ClusterIP");
                    Json.SetIfAbsent(spec, "sessionAffinity", "None");
                    if (Json.Str(spec, "type") != "ExternalName")
                    {
                        if (spec["clusterIP"] is null)
                        {
                            spec["clusterIP"] = allocateClusterIp();
                        }

                        Json.SetIfAbsent(spec, "clusterIPs", new JsonArray(spec["clusterIP"]!.DeepClone()));
                        Json.SetIfAbsent(spec, "ipFamilies", new JsonArray("IPv4"));
                        Json.SetIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
                        Json.SetIfAbsent(spec, "internalTrafficPolicy", "Cluster");
                    }

                    if (spec["ports"] is JsonArray ports)
                    {
                        foreach (var p in ports.OfType<JsonObject>())
                        {
                            Json.SetIfAbsent(p, "protocol", "TCP");
                            if (p["targetPort"] is null && p["port"] is not null)
                            {
                                p["targetPort"] = p["port"]!.DeepClone();
                            }
                        }
                    }

                    Json.SetIfAbsent(obj, "status", new JsonObject { ["loadBalancer"] = new JsonObject() });
                    break;
                }

            case "deployments.apps":
                {
                    var spec = Json.Obj(obj, "spec");
                    Json.SetIfAbsent(spec, "replicas", 1);
                    Json.SetIfAbsent(spec, "revisionHistoryLimit", 10);
                    Json.SetIfAbsent(spec, "progressDeadlineSeconds", 600);
                    var strategy = Json.Obj(spec, "strategy");
                    Json.SetIfAbsent(strategy, "type", "RollingUpdate");
                    if (Json.Str(strategy, "type") == "RollingUpdate")
                    {
                        var rolling = Json.Obj(strategy, "rollingUpdate");
                        Json.SetIfAbsent(rolling, "maxUnavailable", "25%");
                        Json.SetIfAbsent(rolling, "maxSurge", "25%");
                    }
                    break;
                }

            case "statefulsets.apps":
                {
                    var spec = Json.Obj(obj, "spec");
                    Json.SetIfAbsent(spec, "replicas", 1);
                    Json.SetIfAbsent(spec, "revisionHistoryLimit", 10);
                    Json.SetIfAbsent(spec, "podManagementPolicy", "OrderedReady");
                    Json.SetIfAbsent(spec, "updateStrategy", new JsonObject
                    {
                        ["type"] = "RollingUpdate",
                        ["rollingUpdate"] = new JsonObject { ["partition"] = 0 },
                    });
                    break;
                }

            case "daemonsets.apps":
                {
                    var spec = Json.Obj(obj, "spec");
                    Json.SetIfAbsent(spec, "revisionHistoryLimit", 10);
                    Json.SetIfAbsent(spec, "updateStrategy", new JsonObject
                    {
                        ["type"] = "RollingUpdate",
                        ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = 1, ["maxSurge"] = 0 },
                    });
                    break;
                }

            case "replicasets.apps":
                Json.SetIfAbsent(Json.Obj(obj, "spec"), "replicas", 1);
                break;

            case "jobs.batch":
                {
                    var spec = Json.Obj(obj, "spec");
                    Json.SetIfAbsent(spec, "completions", 1);
                    Json.SetIfAbsent(spec, "parallelism", 1);
                    Json.SetIfAbsent(spec, "backoffLimit", 6);
                    Json.SetIfAbsent(spec, "completionMode", "NonIndexed");
                    Json.SetIfAbsent(spec, "suspend", false);
                    break;
                }

            case "cronjobs.batch":
                {
                    var spec = Json.Obj(obj, "spec");
                    Json.SetIfAbsent(spec, "concurrencyPolicy", "Allow");
                    Json.SetIfAbsent(spec, "suspend", false);
                    Json.SetIfAbsent(spec, "successfulJobsHistoryLimit", 3);
                    Json.SetIfAbsent(spec, "failedJobsHistoryLimit", 1);
                    break;
                }

            case "pods":
                {
                    var status = Json.Obj(obj, "status");
                    Json.SetIfAbsent(status, "phase", "Pending");
                    Json.SetIfAbsent(status, "qosClass", "BestEffort");
                    break;
                }

            case "persistentvolumeclaims":
                Json.SetIfAbsent(Json.Obj(obj, "status"), "phase", "Bound");
                break;
        }

        var podSpec = type.StorageKey switch
        {
            "pods" => Json.At(obj, "spec"),
            "cronjobs.batch" => Json.At(obj, "spec", "jobTemplate", "spec", "template", "spec"),
            "deployments.apps" or "statefulsets.apps" or "daemonsets.apps" or "replicasets.apps" or "jobs.batch" => Json.At(obj, "spec", "template", "spec"),
            _ => null,
        };
        if (podSpec is JsonObject ps)
        {
            DefaultPodSpec(ps, type.StorageKey is "jobs.batch" or "cronjobs.batch" ? null : "Always");
        }
    }

    /// <summary>The PodSpec defaults of the real API server (those a user sees in <c>kubectl get -o yaml</c>).</summary>
    private static void DefaultPodSpec(JsonObject spec, string? restartPolicy)
    {
        if (restartPolicy is not null)
        {
            Json.SetIfAbsent(spec, "restartPolicy", restartPolicy);
        }

        Json.SetIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        Json.SetIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        Json.SetIfAbsent(spec, "securityContext", new JsonObject());
        Json.SetIfAbsent(spec, "schedulerName", "default-scheduler");
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var c in (spec[list] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var image = Json.Str(c, "image") ?? "";
                var lastSegment = image[(image.LastIndexOf('/') + 1)..];
                var latest = !lastSegment.Contains(':', StringComparison.Ordinal) && !image.Contains('@', StringComparison.Ordinal) || lastSegment.EndsWith(":latest", StringComparison.Ordinal);
                Json.SetIfAbsent(c, "imagePullPolicy", latest ? "Always" : "IfNotPresent");
                Json.SetIfAbsent(c, "terminationMessagePath", "/dev/termination-log");
                Json.SetIfAbsent(c, "terminationMessagePolicy", "File");
                Json.SetIfAbsent(c, "resources", new JsonObject());
                foreach (var port in (c["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    Json.SetIfAbsent(port, "protocol", "TCP");
                }
            }
        }
    }

    /// <summary>Validations a client meets often: workload selectors that must match their template, immutable selectors.</summary>
    public static void Validate(ResourceType type, JsonObject obj, JsonObject? existing)
    {
        var name = Json.Name(obj);
        if (type.StorageKey is "deployments.apps" or "statefulsets.apps" or "daemonsets.apps" or "replicasets.apps")
        {
            var selector = Json.At(obj, "spec", "selector");
            var causes = new List<(string, string, string)>();
            if (selector is not JsonObject sel || (sel["matchLabels"] is null && sel["matchExpressions"] is null))
            {
                causes.Add(("spec.selector", "FieldValueRequired", "Required value"));
            }

            var templateLabels = Json.StringMap(Json.At(obj, "spec", "template", "metadata", "labels"));
            if (selector is JsonObject s && !LabelSelector.FromObject(s).Matches(templateLabels))
            {
                causes.Add(("spec.template.metadata.labels", "FieldValueInvalid",
                    $"Invalid value: {Go(templateLabels)}: `selector` does not match template `labels`"));
            }

            if (Json.At(obj, "spec", "template", "spec", "containers") is not JsonArray { Count: > 0 })
            {
                causes.Add(("spec.template.spec.containers", "FieldValueRequired", "Required value"));
            }

            if (existing is not null && !Json.DeepEquals(Json.At(existing, "spec", "selector"), selector))
            {
                causes.Add(("spec.selector", "FieldValueInvalid",
                    $"Invalid value: {selector?.ToJsonString() ?? "null"}: field is immutable"));
            }

            if (causes.Count > 0)
            {
                throw ApiException.Invalid(type, name, causes);
            }
        }

        if (type.StorageKey == "pods" && Json.At(obj, "spec", "containers") is not JsonArray { Count: > 0 })
        {
            throw ApiException.Invalid(type, name, [("spec.containers", "FieldValueRequired", "Required value")]);
        }

        if (type.StorageKey is "configmaps" or "secrets" && existing is not null && Json.Bool(existing, "immutable") == true)
        {
            if (!Json.DeepEquals(existing["data"], obj["data"]) || !Json.DeepEquals(existing["binaryData"], obj["binaryData"]))
            {
                throw ApiException.Invalid(type, name, [("data", "FieldValueForbidden", "Forbidden: field is immutable when `immutable` is set")]);
            }
        }
    }

    private static string Go(Dictionary<string, string> map) =>
        "map[string]string{" + string.Join(", ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"\"{kv.Key}\":\"{kv.Value}\"")) + "}";
}
