using System.Collections;
using System.Text.Json.Nodes;

namespace RunnerConsole.Core.Values;

/// <summary>The values as a JSON tree with the same keys as the YAML file (for Helm's release <c>config</c> and schema checks).</summary>
public static class ValuesJson
{
    /// <summary>Every key of <paramref name="values"/>; with <paramref name="redactSecrets"/> secret <c>value</c>s are replaced.</summary>
    public static JsonObject ToJson(RunnerValues values, bool redactSecrets) => Record(values, redactSecrets);

    /// <summary>Whether any secret in <paramref name="values"/> is given inline (a <c>value</c>, not an existing Secret).</summary>
    public static bool HasInlineSecrets(RunnerValues values) => HasInline(values);

    private static bool HasInline(object record)
    {
        if (record is SecretSource { Value.Length: > 0 })
        {
            return true;
        }

        foreach (var key in ValuesModel.KeysOf(record.GetType()))
        {
            var value = key.Property.GetValue(record);
            var inline = key.Kind switch
            {
                ValueKind.Object => value is not null && HasInline(value),
                ValueKind.ObjectList => value is IList list && list.Cast<object>().Any(HasInline),
                _ => false,
            };
            if (inline)
            {
                return true;
            }
        }

        return false;
    }

    private static JsonObject Record(object record, bool redact)
    {
        var json = new JsonObject();
        foreach (var key in ValuesModel.KeysOf(record.GetType()))
        {
            var value = key.Property.GetValue(record);
            if (value is null)
            {
                continue;
            }

            if (redact && record is SecretSource && key.Name == "value" && value is string { Length: > 0 })
            {
                value = ValuesWriter.RedactedPlaceholder;
            }

            json[key.Name] = key.Kind switch
            {
                ValueKind.Object => Record(value, redact),
                ValueKind.StringList => new JsonArray([.. ((IReadOnlyList<string>)value).Select(s => (JsonNode)JsonValue.Create(s))]),
                ValueKind.StringMap => new JsonObject(((IReadOnlyDictionary<string, string>)value)
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
                ValueKind.ObjectList => new JsonArray([.. ((IList)value).Cast<object>().Select(item => (JsonNode)Record(item, redact))]),
                ValueKind.Enum => JsonValue.Create(ValuesModel.EnumName(value)),
                ValueKind.Boolean => JsonValue.Create((bool)value),
                ValueKind.Integer => value is long l ? JsonValue.Create(l) : JsonValue.Create((int)value),
                _ => JsonValue.Create((string)value),
            };
        }

        return json;
    }
}
