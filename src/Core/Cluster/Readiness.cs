using System.Globalization;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Cluster;

/// <summary>How far an object is from being usable.</summary>
public enum ReadinessState
{
    Ready,
    Progressing,

    /// <summary>Will not become ready without a change (a failed job, an exceeded progress deadline).</summary>
    Failed,

    Missing,
}

/// <summary>Readiness of one object with a one-line human summary, e.g. <c>1/3 available, ImagePullBackOff</c>.</summary>
public sealed record ObjectHealth(ObjectKey Key, ReadinessState State, string Summary)
{
    public bool IsReady => State == ReadinessState.Ready;

    public override string ToString() => $"{Key.Kind.ToLowerInvariant()}/{Key.Name}: {Summary}";
}

/// <summary>
/// Readiness rules, as Helm's <c>--wait</c> applies them: workloads are ready when their controller
/// has observed the latest spec and enough replicas are updated and available; jobs when complete;
/// pods when Ready. Other kinds are ready as soon as they exist.
/// </summary>
public static class Readiness
{
    private static readonly HashSet<string> StuckReasons =
        ["ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff", "CreateContainerConfigError", "InvalidImageName", "CreateContainerError", "RunContainerError"];

    public static bool IsWaitedOn(string kind) => kind is "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "Pod" or "ReplicaSet";

    /// <summary>Evaluates one live object; <paramref name="pods"/> (those the workload selects) supply the reason when not ready.</summary>
    public static ObjectHealth Evaluate(ObjectKey key, JsonObject? live, IReadOnlyList<JsonObject>? pods = null)
    {
        if (live is null)
        {
            return new ObjectHealth(key, ReadinessState.Missing, "not found");
        }

        var spec = live["spec"] as JsonObject;
        var status = live["status"] as JsonObject;
        var generation = Long(live["metadata"]?["generation"]);
        var observed = Long(status?["observedGeneration"]);
        var stale = generation is not null && (observed is null || observed < generation);
        var reason = PodReason(pods);

        return key.Kind switch
        {
            "Deployment" => Deployment(key, stale, spec, status, reason),
            "StatefulSet" => Replicas(key, stale, Long(spec?["replicas"]) ?? 1, Long(status?["updatedReplicas"]) ?? Long(status?["readyReplicas"]) ?? 0, Long(status?["readyReplicas"]) ?? 0, "ready", reason, null),
            "ReplicaSet" => Replicas(key, stale, Long(spec?["replicas"]) ?? 1, Long(status?["readyReplicas"]) ?? 0, Long(status?["readyReplicas"]) ?? 0, "ready", reason, null),
            "DaemonSet" => Replicas(key, stale, Long(status?["desiredNumberScheduled"]) ?? 0, Long(status?["updatedNumberScheduled"]) ?? 0, Long(status?["numberReady"]) ?? 0, "ready", reason, null),
            "Job" => Job(key, spec, status, reason),
            "Pod" => Pod(key, live, reason),
            _ => new ObjectHealth(key, ReadinessState.Ready, "exists"),
        };
    }

    private static ObjectHealth Replicas(ObjectKey key, bool stale, long desired, long updated, long ready, string word, string? reason, string? failure)
    {
        var summary = string.Create(CultureInfo.InvariantCulture, $"{ready}/{desired} {word}");
        if (failure is not null)
        {
            return new ObjectHealth(key, ReadinessState.Failed, $"{summary}, {failure}");
        }

        if (stale)
        {
            return new ObjectHealth(key, ReadinessState.Progressing, $"{summary}, {reason ?? "waiting for the controller to observe the new spec"}");
        }

        if (updated >= desired && ready >= desired)
        {
            return new ObjectHealth(key, ReadinessState.Ready, summary);
        }

        if (updated < desired && ready >= desired)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $", {updated}/{desired} updated");
        }

        return new ObjectHealth(key, ReadinessState.Progressing, reason is null ? summary : $"{summary}, {reason}");
    }

    // As `kubectl rollout status`: every replica updated, no old replica left, and the updated ones available.
    // Old pods still serving keep availableReplicas up during a stuck rollout, so availability alone is not enough.
    private static ObjectHealth Deployment(ObjectKey key, bool stale, JsonObject? spec, JsonObject? status, string? reason)
    {
        var desired = Long(spec?["replicas"]) ?? 1;
        var updated = Long(status?["updatedReplicas"]) ?? 0;
        var available = Long(status?["availableReplicas"]) ?? 0;
        var total = Long(status?["replicas"]) ?? updated;
        var health = Replicas(key, stale, desired, updated, Math.Min(available, updated), "available", reason, DeploymentFailure(status));
        if (health.State == ReadinessState.Ready && total > updated)
        {
            var waiting = string.Create(CultureInfo.InvariantCulture, $"{updated}/{desired} updated, {total - updated} old replica(s) pending termination");
            return new ObjectHealth(key, ReadinessState.Progressing, reason is null ? waiting : $"{waiting}, {reason}");
        }

        return health;
    }

    private static ObjectHealth Job(ObjectKey key, JsonObject? spec, JsonObject? status, string? reason)
    {
        var completions = Long(spec?["completions"]) ?? 1;
        var succeeded = Long(status?["succeeded"]) ?? 0;
        var failedCondition = Conditions(status).FirstOrDefault(c => (string?)c["type"] == "Failed" && (string?)c["status"] == "True");
        if (failedCondition is not null)
        {
            return new ObjectHealth(key, ReadinessState.Failed, $"failed: {(string?)failedCondition["reason"]} {(string?)failedCondition["message"]}".TrimEnd());
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"{succeeded}/{completions} completed");
        return succeeded >= completions
            ? new ObjectHealth(key, ReadinessState.Ready, summary)
            : new ObjectHealth(key, ReadinessState.Progressing, reason is null ? summary : $"{summary}, {reason}");
    }

    private static ObjectHealth Pod(ObjectKey key, JsonObject live, string? reason)
    {
        var status = live["status"] as JsonObject;
        var phase = (string?)status?["phase"] ?? "Pending";
        var ready = Conditions(status).Any(c => (string?)c["type"] == "Ready" && (string?)c["status"] == "True");
        if (phase is "Succeeded" || ready)
        {
            return new ObjectHealth(key, ReadinessState.Ready, phase == "Succeeded" ? "succeeded" : "ready");
        }

        var own = PodReason([live]) ?? reason;
        return new ObjectHealth(key, phase == "Failed" ? ReadinessState.Failed : ReadinessState.Progressing, own is null ? phase.ToLowerInvariant() : $"{phase.ToLowerInvariant()}, {own}");
    }

    private static string? DeploymentFailure(JsonObject? status)
    {
        var progressing = Conditions(status).FirstOrDefault(c => (string?)c["type"] == "Progressing");
        return progressing is not null && (string?)progressing["status"] == "False" && (string?)progressing["reason"] == "ProgressDeadlineExceeded"
            ? "ProgressDeadlineExceeded"
            : null;
    }

    /// <summary>The most telling reason a pod is not running: a stuck container state, else an unschedulable condition.</summary>
    internal static string? PodReason(IReadOnlyList<JsonObject>? pods)
    {
        if (pods is null)
        {
            return null;
        }

        var reasons = new List<string>();
        foreach (var pod in pods)
        {
            var status = pod["status"] as JsonObject;
            foreach (var container in ((status?["initContainerStatuses"] as JsonArray) ?? []).Concat((status?["containerStatuses"] as JsonArray) ?? []).OfType<JsonObject>())
            {
                var waiting = (string?)container["state"]?["waiting"]?["reason"];
                var terminated = (string?)container["lastState"]?["terminated"]?["reason"] ?? (string?)container["state"]?["terminated"]?["reason"];
                if (waiting is not null && (StuckReasons.Contains(waiting) || waiting != "ContainerCreating"))
                {
                    reasons.Add(waiting);
                }
                else if (terminated is "Error" or "OOMKilled")
                {
                    reasons.Add(terminated);
                }
            }

            var unschedulable = Conditions(status).FirstOrDefault(c => (string?)c["type"] == "PodScheduled" && (string?)c["status"] == "False");
            if (unschedulable is not null)
            {
                reasons.Add((string?)unschedulable["reason"] ?? "Unschedulable");
            }
        }

        return reasons.Count == 0 ? null : string.Join(", ", reasons.Distinct().OrderBy(r => StuckReasons.Contains(r) ? 0 : 1));
    }

    private static IEnumerable<JsonObject> Conditions(JsonObject? status) => ((status?["conditions"] as JsonArray) ?? []).OfType<JsonObject>();

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l
        : node is JsonValue s && s.TryGetValue<string>(out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
