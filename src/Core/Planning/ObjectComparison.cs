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
        var target = ObjectNormalizer.Normalize(predicted ?? ObjectNormalizer.Normalize(desired.Object));
        var (maskedLive, maskedTarget, keys) = SecretMasking.MaskPair(liveNorm, target);
        var changes = FieldDiff.Compare(maskedLive, maskedTarget);
        var text = TextDiff.Unified(YamlText.From(maskedLive), YamlText.From(maskedTarget));
        var plan = new ObjectPlan(desired.Key, phase, PlanAction.Add)
        {
            Desired = desired,
            Changes = changes,
            SecretKeys = keys,
            TextDiff = text,
            Live = maskedLive,
        };

        if (live is null)
        {
            return plan;
        }

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
