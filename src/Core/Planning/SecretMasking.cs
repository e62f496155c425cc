using System.Text;
using System.Text.Json.Nodes;

namespace RunnerConsole.Core.Planning;

public enum SecretKeyState
{
    Added,
    Removed,
    Changed,
    Unchanged,
}

/// <summary>What changed for one key of a Secret: never its value, only its state and byte lengths.</summary>
public sealed record SecretKeyChange(string Key, SecretKeyState State, int? OldBytes, int? NewBytes);

/// <summary>
/// Masks Secret values before anything is compared, shown or logged. Values become placeholders
/// carrying their byte length, so a diff still shows which keys were added, removed or changed.
/// </summary>
public static class SecretMasking
{
    public static bool IsSecret(JsonObject? obj) =>
        obj is not null && obj["kind"]?.GetValue<string>() == "Secret" && (obj["apiVersion"]?.GetValue<string>() ?? "v1") == "v1";

    /// <summary>
    /// Masked copies of two versions of the same Secret (either may be null) and the per-key summary.
    /// Non-Secret objects are returned as they are, with an empty summary.
    /// </summary>
    public static (JsonObject? Old, JsonObject? New, IReadOnlyList<SecretKeyChange> Keys) MaskPair(JsonObject? old, JsonObject? @new)
    {
        if (!IsSecret(old) && !IsSecret(@new))
        {
            return (old, @new, []);
        }

        var oldValues = Values(old);
        var newValues = Values(@new);
        var keys = new List<SecretKeyChange>();
        foreach (var key in oldValues.Keys.Union(newValues.Keys).Order(StringComparer.Ordinal))
        {
            var hasOld = oldValues.TryGetValue(key, out var o);
            var hasNew = newValues.TryGetValue(key, out var n);
            var state = (hasOld, hasNew) switch
            {
                (false, _) => SecretKeyState.Added,
                (_, false) => SecretKeyState.Removed,
                _ => o!.AsSpan().SequenceEqual(n) ? SecretKeyState.Unchanged : SecretKeyState.Changed,
            };
            keys.Add(new SecretKeyChange(key, state, o?.Length, n?.Length));
        }

        var byKey = keys.ToDictionary(k => k.Key);
        return (Mask(old, byKey, isNew: false), Mask(@new, byKey, isNew: true), keys);
    }

    /// <summary>A masked copy of one Secret (for previews of objects with nothing to compare against).</summary>
    public static JsonObject? Mask(JsonObject? secret) => MaskPair(secret, null).Old;

    /// <summary>The placeholder shown instead of a value.</summary>
    public static string Placeholder(int bytes, SecretKeyState state, bool isNew) => state == SecretKeyState.Changed
        ? $"(secret, {bytes} bytes, {(isNew ? "new" : "old")} value)"
        : $"(secret, {bytes} bytes)";

    private static JsonObject? Mask(JsonObject? secret, Dictionary<string, SecretKeyChange> keys, bool isNew)
    {
        if (secret is null || !IsSecret(secret))
        {
            return secret;
        }

        var copy = secret.DeepClone().AsObject();
        var masked = new JsonObject();
        foreach (var field in new[] { "data", "stringData" })
        {
            if (copy[field] is not JsonObject values)
            {
                continue;
            }

            foreach (var (key, _) in values)
            {
                var change = keys[key];
                var bytes = (isNew ? change.NewBytes : change.OldBytes) ?? 0;
                masked[key] = Placeholder(bytes, change.State, isNew);
            }

            copy.Remove(field);
        }

        // stringData and data are one set of keys to the reader: show them together under data.
        if (masked.Count > 0)
        {
            copy["data"] = masked;
        }

        return copy;
    }

    /// <summary>Decoded bytes per key; <c>stringData</c> wins over <c>data</c>, as the API server merges them.</summary>
    private static Dictionary<string, byte[]> Values(JsonObject? secret)
    {
        var values = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (secret is null || !IsSecret(secret))
        {
            return values;
        }

        if (secret["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                values[key] = Decode(value?.GetValue<string>());
            }
        }

        if (secret["stringData"] is JsonObject stringData)
        {
            foreach (var (key, value) in stringData)
            {
                values[key] = Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? string.Empty);
            }
        }

        return values;
    }

    private static byte[] Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return [];
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(base64);
        }
    }
}
