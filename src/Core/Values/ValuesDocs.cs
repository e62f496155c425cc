using System.Text;

namespace RunnerConsole.Core.Values;

/// <summary>The values table of <c>docs/values.md</c> (every key, type, default, meaning), generated from the model.</summary>
public static class ValuesDocs
{
    /// <summary>The whole Markdown document.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("# Values\n\n");
        text.Append("<!-- Generated from src/Core/Values by ValuesDocs; a test keeps it in sync. Do not edit by hand. -->\n\n");
        text.Append("Every key of a runner values file. `runner-console values init` prints a commented file with these defaults; ");
        text.Append("`runner-console values schema` prints the JSON Schema for editors (also checked in as [values.schema.json](values.schema.json)); `runner-console values validate -f FILE` checks a file.\n\n");
        text.Append("Only `runner.name`, `runner.organization`, `cloud.runnerCredentials` and `cloud.customerCredentials` must be given. ");
        text.Append("An empty `image.tag` takes the tag the catalog pins for the selected `version` (see [compatibility](compatibility.md)). ");
        text.Append("Secret-bearing keys take `existingSecret` (+ `key`) or `value`, never both. ");
        text.Append("Lists and maps given in a file replace the default as a whole.\n\n");
        text.Append("| key | type | default | meaning |\n|---|---|---|---|\n");
        var defaults = DefaultsByPath();
        foreach (var (path, key) in ValuesModel.AllPaths())
        {
            if (key.Kind == ValueKind.Object)
            {
                continue; // a section: its keys are listed one by one
            }

            defaults.TryGetValue(path, out var value);
            text.Append("| `").Append(path).Append("` | ").Append(TypeName(key)).Append(" | ")
                .Append(Cell(value)).Append(" | ").Append(Escape(key.Description)).Append(" |\n");
        }

        return text.ToString();
    }

    private static Dictionary<string, string> DefaultsByPath()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(RunnerValues.Defaults, "", result);
        return result;
    }

    private static void Collect(object record, string prefix, Dictionary<string, string> result)
    {
        foreach (var key in ValuesModel.KeysOf(record.GetType()))
        {
            var path = prefix.Length == 0 ? key.Name : $"{prefix}.{key.Name}";
            var value = key.Property.GetValue(record);
            switch (key.Kind)
            {
                case ValueKind.Object:
                    Collect(value!, path, result);
                    break;
                case ValueKind.StringList:
                    result[path] = $"`[{string.Join(", ", (IReadOnlyList<string>)value!)}]`";
                    break;
                case ValueKind.StringMap:
                    var map = (IReadOnlyDictionary<string, string>)value!;
                    result[path] = "`{" + string.Join(", ", map.Select(p => $"{p.Key}: \"{p.Value}\"")) + "}`";
                    break;
                case ValueKind.ObjectList:
                    result[path] = "`[]`";
                    Collect(Activator.CreateInstance(key.ElementType)!, path + "[]", result);
                    break;
                case ValueKind.Enum:
                    result[path] = $"`{ValuesModel.EnumName(value!)}`";
                    break;
                case ValueKind.Boolean:
                    result[path] = (bool)value! ? "`true`" : "`false`";
                    break;
                default:
                    result[path] = value switch
                    {
                        null => "",
                        "" => "`\"\"`",
                        _ => $"`{value}`",
                    };
                    break;
            }
        }
    }

    private static string TypeName(ValuesKey key) => key.Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Integer => "integer",
        ValueKind.Boolean => "boolean",
        ValueKind.Enum => string.Join(" \\| ", key.EnumNames),
        ValueKind.StringList => "list of strings",
        ValueKind.StringMap => "map of strings",
        ValueKind.ObjectList => "list of objects",
        _ => "object",
    };

    private static string Cell(string? value) => value is null ? "" : Escape(value);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
