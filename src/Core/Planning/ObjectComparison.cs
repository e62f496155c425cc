using System.Text.Json.Nodes;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Planning;

/// <summary>Pure decision for one object, given what the cluster says about it.</summary>
public static class ObjectComparison
{
    /// <summary>
    /// Plans one object that should exist. <paramref name="predicted"/> is what the server would store
    /// (a dry-run apply); without one, the desired object stands in for it.
    /// </summary>
    public static ObjectPlan ForDesired(
        Manifest desired, JsonObject? live, JsonObject? predicted, string release, string releaseNamespace,
        IReadOnlyList<string>? conflictManagers = null, string? conflictMessage = null, bool adopt = false)
    {
        var phase = ApplyPhases.Of(desired.Kind);
        var liveNorm = live is null ? null : ObjectNormalizer.Normalize(live);
        var target = ObjectNormalizer.Normalize(predicted ?? DesiredState.JsonOf(desired));
        var (maskedLive, maskedTarget, keys) = SecretMasking.MaskPair(liveNorm, target);
        if (live is null)
        {
            // A new object: the whole object is the change; its field list and YAML are built only when read.
            return new ObjectPlan(desired.Key, phase, PlanAction.Add)
            {
                Desired = desired,
                SecretKeys = keys,
                Deferred = (() => FieldDiff.Compare(null, maskedTarget), () => TextDiff.Unified(string.Empty, YamlText.From(maskedTarget))),
            };
        }

        var changes = FieldDiff.Compare(maskedLive, maskedTarget);
        var text = changes.Count == 0 ? string.Empty : TextDiff.Unified(YamlText.From(maskedLive), YamlText.From(maskedTarget));
        var plan = new ObjectPlan(desired.Key, phase, PlanAction.Add)
        {
            Desired = desired,
            Changes = changes,
            SecretKeys = keys,
            TextDiff = text,
            Live = maskedLive,
        };

        var metadata = live["metadata"] as JsonObject;
        var ownership = HelmOwnership.Check(StringMap(metadata?["labels"]), StringMap(metadata?["annotations"]), release, releaseNamespace);
        if (ownership != OwnershipState.Owned && !adopt)
        {
            var owner = StringMap(metadata?["annotations"])?.GetValueOrDefault(HelmOwnership.ReleaseNameAnnotation);
            return plan with
            {
                Action = PlanAction.NeedsAdopt,
                Reason = ownership == OwnershipState.OtherRelease
                    ? $"{desired.Key} belongs to release '{owner}'"
                    : $"{desired.Key} exists and is not managed by release '{release}'",
            };
        }

        plan = plan with { Adopting = ownership != OwnershipState.Owned };
        if (conflictManagers is { Count: > 0 })
        {
            return plan with { Action = PlanAction.Conflict, ConflictManagers = conflictManagers, Reason = conflictMessage };
        }

        return plan with { Action = changes.Count == 0 ? PlanAction.Unchanged : PlanAction.Change, TextDiff = changes.Count == 0 ? string.Empty : text };
    }

    /// <summary>
    /// An owned object known to be unchanged without a dry-run: the release record says we applied exactly this
    /// object before and the live object still holds every field of it (<see cref="LiveSatisfies"/>).
    /// </summary>
    public static ObjectPlan ForUnchanged(Manifest desired, JsonObject live)
    {
        var (maskedLive, _, keys) = SecretMasking.MaskPair(ObjectNormalizer.Normalize(live), null);
        return new ObjectPlan(desired.Key, ApplyPhases.Of(desired.Kind), PlanAction.Unchanged)
        {
            Desired = desired,
            SecretKeys = [.. keys.Select(k => k with { State = SecretKeyState.Unchanged, NewBytes = k.OldBytes })],
            Live = maskedLive,
        };
    }

    /// <summary>
    /// Whether applying <paramref name="desired"/> could change nothing the live object shows: every field it sets
    /// is present in <paramref name="live"/> with an equal value (maps: a subset; lists: same length, item by item).
    /// Fields only others set, and server defaults, are ignored. A false answer only means "ask the server".
    /// </summary>
    public static bool LiveSatisfies(JsonNode? desired, JsonNode? live) => (desired, live) switch
    {
        (null, _) => live is null,
        (JsonObject d, JsonObject l) => d.All(p => l.TryGetPropertyValue(p.Key, out var lv) ? LiveSatisfies(p.Value, lv) : p.Value is null),
        (JsonArray d, JsonArray l) => d.Count == l.Count && d.Select((item, i) => LiveSatisfies(item, l[i])).All(x => x),
        (JsonValue d, JsonValue l) => ScalarEquals(d, l),
        _ => false,
    };

    private static bool ScalarEquals(JsonValue a, JsonValue b)
    {
        var kind = a.GetValueKind();
        if (kind != b.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            System.Text.Json.JsonValueKind.Number => a.TryGetValue<decimal>(out var x) && b.TryGetValue<decimal>(out var y) ? x == y : a.ToJsonString() == b.ToJsonString(),
            System.Text.Json.JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            _ => true,
        };
    }

    /// <summary>Plans the removal of an object of the previous revision that the desired state no longer has.</summary>
    public static ObjectPlan ForRemoval(ObjectKey key, JsonObject live)
    {
        var liveNorm = ObjectNormalizer.Normalize(live);
        var (masked, _, keys) = SecretMasking.MaskPair(liveNorm, null);
        var annotations = StringMap((live["metadata"] as JsonObject)?["annotations"]);
        return new ObjectPlan(key, ApplyPhases.Of(key.Kind), PlanAction.Remove)
        {
            Changes = FieldDiff.Compare(masked, null),
            SecretKeys = keys,
            TextDiff = TextDiff.Unified(YamlText.From(masked), string.Empty),
            Kept = HelmOwnership.IsKept(annotations),
            Live = masked,
        };
    }

    internal static Dictionary<string, string>? StringMap(JsonNode? node) =>
        node is JsonObject o ? o.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty) : null;
}
