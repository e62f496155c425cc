using System.Globalization;
using System.Text;

namespace RunnerConsole.Core.Rendering;

/// <summary>
/// Writes configuration files (otel-collector, blackbox-exporter) built from <see cref="YamlMap"/>s, lists and
/// scalars as block YAML. Hand-rolled because a general serializer cost milliseconds per render; the subset is small:
/// maps keep insertion order, strings are quoted whenever a plain scalar could be misread.
/// </summary>
internal static class ConfigYaml
{
    public static string Serialize(YamlMap document)
    {
        var text = new StringBuilder(4096);
        WriteMap(text, document, 0, firstLineIndented: false);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, YamlMap map, int indent, bool firstLineIndented)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!(first && firstLineIndented))
            {
                text.Append(' ', indent);
            }

            first = false;
            AppendScalar(text, key);
            text.Append(':');
            WriteAfterKey(text, value, indent);
        }
    }

    private static void WriteAfterKey(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case YamlMap { Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2, firstLineIndented: false);
                break;
            case List<object> { Count: 0 }:
                text.Append(" []\n");
                break;
            case List<object> list:
                text.Append('\n');
                WriteList(text, list, indent + 2);
                break;
            default:
                text.Append(' ');
                AppendScalar(text, value);
                text.Append('\n');
                break;
        }
    }

    private static void WriteList(StringBuilder text, List<object> list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append("- ");
            switch (item)
            {
                case YamlMap { Count: > 0 } map:
                    WriteMap(text, map, indent + 2, firstLineIndented: true);
                    break;
                case YamlMap or List<object>:
                    throw new NotSupportedException("empty maps and nested lists inside lists are not used by the runner's configs");
                default:
                    AppendScalar(text, item);
                    text.Append('\n');
                    break;
            }
        }
    }

    private static void AppendScalar(StringBuilder text, object value)
    {
        switch (value)
        {
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int i:
                text.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                text.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case string s when IsPlainSafe(s):
                text.Append(s);
                break;
            case string s:
                text.Append('\'').Append(s.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
                break;
            default:
                throw new NotSupportedException($"unsupported YAML scalar type {value.GetType()}");
        }
    }

    /// <summary>True when <paramref name="s"/> reads back as the same string without quotes (conservative).</summary>
    internal static bool IsPlainSafe(string s)
    {
        if (s.Length == 0 || s != s.Trim() || "-?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        if (s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':'))
        {
            return false;
        }

        // Anything a YAML 1.1 or 1.2 reader could take for a bool, null or number stays a string only when quoted.
        if (s.Length <= 5 && IsKeyword(s))
        {
            return false;
        }

        // Only text starting like a number (or .NET's "Infinity"/"NaN") can parse as one.
        var head = s[0];
        var mayBeNumber = char.IsAsciiDigit(head) || head is '+' or '.' or 'I' or 'i' or 'N' or 'n' || !char.IsAscii(head);
        return !(mayBeNumber && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            && !(s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || s.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
            && !s.StartsWith(".", StringComparison.Ordinal);
    }

    private static bool IsKeyword(string s) =>
        s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase)
        || s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase)
        || s.Equals("on", StringComparison.OrdinalIgnoreCase) || s.Equals("off", StringComparison.OrdinalIgnoreCase)
        || s.Equals("y", StringComparison.OrdinalIgnoreCase) || s.Equals("n", StringComparison.OrdinalIgnoreCase)
        || s.Equals("null", StringComparison.OrdinalIgnoreCase) || s == "~";
}

/// <summary>An insertion-ordered YAML map; a named type keeps the builders readable.</summary>
internal sealed class YamlMap : Dictionary<string, object>
{
    public YamlMap()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Adds <paramref name="key"/> only when <paramref name="condition"/> holds (optional blocks).</summary>
    public YamlMap AddIf(bool condition, string key, Func<object> value)
    {
        if (condition)
        {
            Add(key, value());
        }

        return this;
    }
}
