using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RunnerConsole.Core.Values;

/// <summary>Writes <see cref="RunnerValues"/> back to YAML: every key, in model order, readable by <see cref="ValuesLoader"/> and by Helm.</summary>
public static partial class ValuesWriter
{
    /// <summary>What a secret <c>value</c> is replaced with when secrets are redacted.</summary>
    public const string RedactedPlaceholder = "<redacted>";

    /// <summary>The values as YAML; with <paramref name="redactSecrets"/> every secret <c>value</c> that is set becomes <see cref="RedactedPlaceholder"/>.</summary>
    public static string ToYaml(RunnerValues values, bool redactSecrets) => Write(values, redactSecrets, comments: false);

    /// <summary>The values as YAML with each key's meaning as a comment above it (what <c>values init</c> prints).</summary>
    public static string ToCommentedYaml(RunnerValues values, bool redactSecrets) => Write(values, redactSecrets, comments: true);

    private static string Write(RunnerValues values, bool redactSecrets, bool comments)
    {
        var output = new StringBuilder();
        WriteRecord(output, values, 0, redactSecrets, comments);
        return output.ToString();
    }

    private static void WriteRecord(StringBuilder output, object record, int indent, bool redact, bool comments, bool firstLineDashed = false)
    {
        var pad = new string(' ', indent);
        var first = true;
        foreach (var key in ValuesModel.KeysOf(record.GetType()))
        {
            var value = key.Property.GetValue(record);
            if (value is null)
            {
                continue; // unset optional number: absent, as the loader's default
            }

            // The first key of a list item shares the "- " line; its comment goes above the dash instead.
            var linePad = firstLineDashed && first ? "" : pad;
            if (comments && !(firstLineDashed && first))
            {
                if (indent == 0 && output.Length > 0)
                {
                    output.Append('\n');
                }

                output.Append(pad).Append("# ").Append(key.Description).Append('\n');
            }

            first = false;
            output.Append(linePad).Append(key.Name).Append(':');
            var secret = redact && record is SecretSource && key.Name == "value" && value is string { Length: > 0 };
            WriteValue(output, key, secret ? RedactedPlaceholder : value, indent, redact, comments);
        }
    }

    private static void WriteValue(StringBuilder output, ValuesKey key, object value, int indent, bool redact, bool comments)
    {
        var childPad = new string(' ', indent + 2);
        switch (key.Kind)
        {
            case ValueKind.Object:
                output.Append('\n');
                WriteRecord(output, value, indent + 2, redact, comments);
                break;
            case ValueKind.StringList when value is IReadOnlyList<string> { Count: > 0 } list:
                output.Append('\n');
                foreach (var item in list)
                {
                    output.Append(childPad).Append("- ").Append(Scalar(item)).Append('\n');
                }

                break;
            case ValueKind.StringMap when value is IReadOnlyDictionary<string, string> { Count: > 0 } map:
                output.Append('\n');
                foreach (var (name, text) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    output.Append(childPad).Append(Scalar(name)).Append(": ").Append(Scalar(text)).Append('\n');
                }

                break;
            case ValueKind.ObjectList when value is IList { Count: > 0 } items:
                output.Append('\n');
                foreach (var item in items)
                {
                    output.Append(childPad).Append("- ");
                    WriteRecord(output, item!, indent + 4, redact, comments, firstLineDashed: true);
                }

                break;
            case ValueKind.StringList or ValueKind.ObjectList:
                output.Append(" []\n");
                break;
            case ValueKind.StringMap:
                output.Append(" {}\n");
                break;
            default:
                output.Append(' ').Append(ScalarOf(value)).Append('\n');
                break;
        }
    }

    private static string ScalarOf(object value) => value switch
    {
        string s => Scalar(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        Enum e => ValuesModel.EnumName(e),
        _ => throw new InvalidOperationException($"no YAML form for {value.GetType().Name}"),
    };

    /// <summary>A string as a YAML scalar: plain when that reads back as the same string, else double-quoted.</summary>
    public static string Scalar(string text)
    {
        if (PlainSafe().IsMatch(text) && !LooksTyped().IsMatch(text))
        {
            return text;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    // Starts with a letter, digit, '_', '/' or '.' and holds no character YAML treats specially in plain scalars.
    [GeneratedRegex("^[A-Za-z0-9_./][A-Za-z0-9_./@+=-]*(:[A-Za-z0-9_./@+=-]+)*$")]
    private static partial Regex PlainSafe();

    // Scalars a YAML 1.1 or 1.2 reader would turn into a bool, null or number.
    [GeneratedRegex("^(?i:true|false|yes|no|y|n|on|off|null|~)$|^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^0[xo][0-9a-fA-F]+$|^[-+]?\\.(?i:inf|nan)$")]
    private static partial Regex LooksTyped();
}
