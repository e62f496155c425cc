using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunnerConsole.Core.Values;

/// <summary>
/// The JSON Schema (draft 2020-12) of the values file, generated from the model so it cannot drift: editors use
/// it for completion and to flag unknown keys. Deeper rules (cross-field, quantities) stay in <see cref="ValuesValidator"/>.
/// </summary>
public static class ValuesSchema
{
    public const string SchemaId = "https://kubiya.ai/schemas/runner-console/values.schema.json";

    private const string DurationPattern = "^([0-9]+(ms|s|m|h))+$";
    private const string QuantityPattern = "^([+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+))(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+)?$";
    private const string NamePattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>The schema as a JSON object.</summary>
    public static JsonObject Generate()
    {
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = SchemaId,
            ["title"] = "Runner Console values",
            ["description"] = "Values of a Kubiya runner install (runner-console values init prints a commented example).",
        };
        foreach (var (name, node) in ObjectSchema(RunnerValues.Defaults, ""))
        {
            schema[name] = node?.DeepClone();
        }

        return schema;
    }

    /// <summary>The schema as indented JSON text, ending with a newline.</summary>
    public static string ToJsonText() =>
        Generate().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static JsonObject ObjectSchema(object defaults, string path)
    {
        var properties = new JsonObject();
        foreach (var key in ValuesModel.KeysOf(defaults.GetType()))
        {
            var keyPath = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            properties[key.Name] = KeySchema(key, key.Property.GetValue(defaults), keyPath);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    private static JsonObject KeySchema(ValuesKey key, object? defaultValue, string path)
    {
        JsonObject schema = key.Kind switch
        {
            ValueKind.Object => ObjectSchema(defaultValue!, path),
            ValueKind.ObjectList => new JsonObject
            {
                ["type"] = "array",
                ["items"] = ObjectSchema(Activator.CreateInstance(key.ElementType)!, path + "[]"),
            },
            ValueKind.StringList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ValueKind.StringMap => new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
            ValueKind.Boolean => new JsonObject { ["type"] = "boolean" },
            ValueKind.Integer => new JsonObject { ["type"] = key.IsNullable ? new JsonArray("integer", "null") : "integer" },
            ValueKind.Enum => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. key.EnumNames.Select(n => (JsonNode)JsonValue.Create(n))]) },
            _ => new JsonObject { ["type"] = "string" },
        };
        schema.Insert(0, "description", key.Description);
        Constrain(schema, key, path);

        if (defaultValue is not null && key.Kind is not ValueKind.Object and not ValueKind.ObjectList)
        {
            var holder = new JsonObject();
            holder["v"] = key.Kind switch
            {
                ValueKind.Boolean => JsonValue.Create((bool)defaultValue),
                ValueKind.Integer => JsonValue.Create(Convert.ToInt64(defaultValue, System.Globalization.CultureInfo.InvariantCulture)),
                ValueKind.Enum => JsonValue.Create(ValuesModel.EnumName(defaultValue)),
                ValueKind.StringList => new JsonArray([.. ((IReadOnlyList<string>)defaultValue).Select(s => (JsonNode)JsonValue.Create(s))]),
                ValueKind.StringMap => new JsonObject(((IReadOnlyDictionary<string, string>)defaultValue)
                    .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
                _ => JsonValue.Create((string)defaultValue),
            };
            schema["default"] = holder["v"]!.DeepClone();
        }

        return schema;
    }

    // Shape rules an editor can check on its own; every one is also enforced (with a better message) by the validator.
    private static void Constrain(JsonObject schema, ValuesKey key, string path)
    {
        var leaf = key.Name;
        if (key.Kind == ValueKind.Integer && leaf == "replicas")
        {
            schema["minimum"] = 1;
            schema["maximum"] = 50;
        }
        else if (path == "images.pullPolicy")
        {
            schema["enum"] = new JsonArray("Always", "IfNotPresent", "Never");
        }
        else if (path.EndsWith("tolerations[].operator", StringComparison.Ordinal))
        {
            schema["enum"] = new JsonArray("Equal", "Exists");
        }
        else if (path.EndsWith("tolerations[].effect", StringComparison.Ordinal))
        {
            schema["enum"] = new JsonArray("", "NoSchedule", "PreferNoSchedule", "NoExecute");
        }
        else if (leaf is "scrapeInterval" or "toolTimeout" or "longRunningToolTimeout")
        {
            schema["pattern"] = DurationPattern;
        }
        else if (leaf is "cpu" or "memory")
        {
            schema["pattern"] = "^$|" + QuantityPattern;
        }
        else if (path == "runner.name")
        {
            schema["pattern"] = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
            schema["maxLength"] = 40;
        }
        else if (path == "cloud.natsUrl")
        {
            schema["pattern"] = "^(tls|nats)://";
        }
        else if (leaf is "existingSecret" || path.EndsWith("serviceAccount.name", StringComparison.Ordinal))
        {
            schema["pattern"] = "^$|" + NamePattern;
        }
        else if (leaf is "url" or "tokenUrl" or "pingUrl" or "versionsUrl")
        {
            schema["pattern"] = "^$|^https://";
        }
        else if (leaf == "tag")
        {
            schema["not"] = new JsonObject { ["const"] = "latest" };
        }
    }
}
