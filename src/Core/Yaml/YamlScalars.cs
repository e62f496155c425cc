using System.Globalization;

namespace RunnerConsole.Core.Yaml;

/// <summary>How a string is written in block YAML.</summary>
internal enum ScalarStyle
{
    /// <summary>As is: no YAML reader (1.1 or 1.2) takes it for anything but this string.</summary>
    Plain,

    /// <summary>In double quotes, with escapes where needed.</summary>
    DoubleQuoted,

    /// <summary>A <c>|</c> block of its lines.</summary>
    Literal,
}

/// <summary>
/// Chooses and writes the style of a string (UTF-8) so that every YAML reader in use — YamlDotNet, go-yaml (kubectl,
/// helm, sigs.k8s.io/yaml, YAML 1.1 rules) — reads back exactly the same string.
/// </summary>
internal static class YamlScalars
{
    public static ScalarStyle StyleOf(ReadOnlySpan<byte> text, bool isKey)
    {
        if (text.IsEmpty)
        {
            return ScalarStyle.DoubleQuoted;
        }

        if (!isKey && text.Contains((byte)'\n'))
        {
            return CanBeLiteral(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        return CanBePlain(text) && !LooksTyped(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
    }

    /// <summary>Writes <paramref name="text"/> in double quotes: JSON-style escapes for quotes, backslashes and non-printable characters.</summary>
    public static void WriteDoubleQuoted(Utf8Buffer output, ReadOnlySpan<byte> text)
    {
        output.Append((byte)'"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            var width = EscapeWidth(text, i);
            if (width == 0)
            {
                continue;
            }

            output.Append(text[start..i]);
            switch (b)
            {
                case (byte)'"':
                    output.Append("\\\""u8);
                    break;
                case (byte)'\\':
                    output.Append("\\\\"u8);
                    break;
                case (byte)'\n':
                    output.Append("\\n"u8);
                    break;
                case (byte)'\t':
                    output.Append("\\t"u8);
                    break;
                case (byte)'\r':
                    output.Append("\\r"u8);
                    break;
                default:
                    AppendUnicodeEscape(output, text.Slice(i, width));
                    break;
            }

            i += width - 1;
            start = i + 1;
        }

        output.Append(text[start..]);
        output.Append((byte)'"');
    }

    /// <summary>The header of a literal block: <c>|</c>, an indentation indicator when the text starts with a space or an empty line, and the chomping indicator.</summary>
    public static void WriteLiteralHeader(Utf8Buffer output, ReadOnlySpan<byte> text)
    {
        output.Append((byte)'|');
        if (text[0] is (byte)' ' or (byte)'\n')
        {
            output.Append((byte)'2');
        }

        var trailing = text.Length - text.TrimEnd((byte)'\n').Length;
        if (trailing == 0)
        {
            output.Append((byte)'-');
        }
        else if (trailing > 1)
        {
            output.Append((byte)'+');
        }
    }

    /// <summary>The lines of a literal block, each (except empty ones) indented by <paramref name="indent"/> spaces.</summary>
    public static void WriteLiteralBody(Utf8Buffer output, ReadOnlySpan<byte> text, int indent)
    {
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            if (!line.IsEmpty)
            {
                output.AppendSpaces(indent);
                output.Append(line);
            }

            output.Append((byte)'\n');
            text = end < 0 ? default : text[(end + 1)..];
        }
    }

    // A literal block keeps every character except line-break look-alikes, carriage returns and control characters;
    // text of nothing but line breaks has no line to carry it.
    private static bool CanBeLiteral(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAnyExcept((byte)'\n') < 0)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ((byte)'\n' or (byte)'\t') && EscapeWidth(text, i) > 0 && text[i] is not ((byte)'"' or (byte)'\\'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CanBePlain(ReadOnlySpan<byte> text)
    {
        var first = text[0];
        if (first == (byte)'-')
        {
            if (text.Length == 1 || text[1] == (byte)' ' || text.StartsWith("---"u8))
            {
                return false;
            }
        }
        else if (first is (byte)'?' or (byte)':' or (byte)',' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'#'
            or (byte)'&' or (byte)'*' or (byte)'!' or (byte)'|' or (byte)'>' or (byte)'\'' or (byte)'"' or (byte)'%' or (byte)'@'
            or (byte)'`' or (byte)' ')
        {
            return false;
        }

        if (text.StartsWith("..."u8))
        {
            return false;
        }

        if (text[^1] is (byte)' ' or (byte)':')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b < 0x20 || b == 0x7F)
            {
                return false;
            }

            if ((b == (byte)':' && i + 1 < text.Length && text[i + 1] == (byte)' ')
                || (b == (byte)'#' && i > 0 && text[i - 1] == (byte)' ')
                || (b >= 0x80 && EscapeWidth(text, i) > 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Plain text a YAML 1.1 or 1.2 reader resolves to another type: booleans (<c>yes</c>, <c>on</c>, <c>y</c>…),
    /// nulls, integers in any base, floats, sexagesimal numbers, timestamps, merge and value keys.
    /// </summary>
    internal static bool LooksTyped(ReadOnlySpan<byte> text)
    {
        if (text.Length <= 5 && IsKeyword(text))
        {
            return true;
        }

        var first = text[0];
        if (!(char.IsAsciiDigit((char)first) || first is (byte)'+' or (byte)'-' or (byte)'.'))
        {
            return false;
        }

        var body = first is (byte)'+' or (byte)'-' ? text[1..] : text;
        if (body.IsEmpty)
        {
            return false;
        }

        if (body.SequenceEqual(".inf"u8) || body.SequenceEqual(".Inf"u8) || body.SequenceEqual(".INF"u8)
            || text.SequenceEqual(".nan"u8) || text.SequenceEqual(".NaN"u8) || text.SequenceEqual(".NAN"u8))
        {
            return true;
        }

        // Digits with the YAML 1.1 extras: '_' separators, base prefixes, ':' (base 60); dates start with a 4-digit year.
        if (body.Length >= 6 && char.IsAsciiDigit((char)body[0]) && char.IsAsciiDigit((char)body[1]) && char.IsAsciiDigit((char)body[2])
            && char.IsAsciiDigit((char)body[3]) && body[4] == (byte)'-' && char.IsAsciiDigit((char)body[5]))
        {
            return true;
        }

        // Without '_' separators (YAML 1.1 allows them in numbers); the sign kept for the float parser.
        Span<byte> buffer = stackalloc byte[64];
        if (text.Length > buffer.Length)
        {
            return false;
        }

        var length = 0;
        foreach (var b in text)
        {
            if (b != (byte)'_')
            {
                buffer[length++] = b;
            }
        }

        var signed = buffer[..length];
        var number = signed.Length > 0 && signed[0] is (byte)'+' or (byte)'-' ? signed[1..] : signed;
        if (number.IsEmpty)
        {
            return false;
        }

        if (number.Length > 2 && number[0] == (byte)'0' && (number[1] | 0x20) is (byte)'x' or (byte)'o' or (byte)'b')
        {
            return number[2..].IndexOfAnyExcept("0123456789abcdefABCDEF"u8) < 0;
        }

        if (char.IsAsciiDigit((char)number[0]) && number.Contains((byte)':') && number.IndexOfAnyExcept("0123456789:."u8) < 0)
        {
            return true;
        }

        return number.IndexOfAnyExcept("0123456789"u8) < 0
            || double.TryParse(signed, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static bool IsKeyword(ReadOnlySpan<byte> text) =>
        text.SequenceEqual("y"u8) || text.SequenceEqual("Y"u8) || text.SequenceEqual("n"u8) || text.SequenceEqual("N"u8)
        || text.SequenceEqual("yes"u8) || text.SequenceEqual("Yes"u8) || text.SequenceEqual("YES"u8)
        || text.SequenceEqual("no"u8) || text.SequenceEqual("No"u8) || text.SequenceEqual("NO"u8)
        || text.SequenceEqual("true"u8) || text.SequenceEqual("True"u8) || text.SequenceEqual("TRUE"u8)
        || text.SequenceEqual("false"u8) || text.SequenceEqual("False"u8) || text.SequenceEqual("FALSE"u8)
        || text.SequenceEqual("on"u8) || text.SequenceEqual("On"u8) || text.SequenceEqual("ON"u8)
        || text.SequenceEqual("off"u8) || text.SequenceEqual("Off"u8) || text.SequenceEqual("OFF"u8)
        || text.SequenceEqual("null"u8) || text.SequenceEqual("Null"u8) || text.SequenceEqual("NULL"u8)
        || text.SequenceEqual("~"u8) || text.SequenceEqual("="u8) || text.SequenceEqual("<<"u8);

    /// <summary>
    /// Bytes of the character at <paramref name="i"/> when it must be escaped in double quotes (control characters,
    /// quote, backslash, NEL, line and paragraph separators, byte-order mark, non-characters), else 0.
    /// </summary>
    private static int EscapeWidth(ReadOnlySpan<byte> text, int i)
    {
        var b = text[i];
        if (b < 0x20 || b is (byte)'"' or (byte)'\\' or 0x7F)
        {
            return 1;
        }

        if (b < 0x80)
        {
            return 0;
        }

        var rest = text[i..];
        if (b == 0xC2 && rest.Length > 1 && rest[1] is >= 0x80 and <= 0x9F)
        {
            return 2; // C1 controls, NEL (U+0085) among them
        }

        if (b == 0xE2 && rest.Length > 2 && rest[1] == 0x80 && rest[2] is 0xA8 or 0xA9)
        {
            return 3; // U+2028, U+2029
        }

        if (b == 0xEF && rest.Length > 2 && ((rest[1] == 0xBB && rest[2] == 0xBF) || (rest[1] == 0xBF && rest[2] is 0xBE or 0xBF)))
        {
            return 3; // U+FEFF, U+FFFE, U+FFFF
        }

        return 0;
    }

    private static void AppendUnicodeEscape(Utf8Buffer output, ReadOnlySpan<byte> character)
    {
        var code = character.Length switch
        {
            1 => character[0],
            2 => ((character[0] & 0x1F) << 6) | (character[1] & 0x3F),
            _ => ((character[0] & 0x0F) << 12) | ((character[1] & 0x3F) << 6) | (character[2] & 0x3F),
        };
        var span = output.GetSpan(6);
        "\\u"u8.CopyTo(span);
        code.TryFormat(span[2..], out _, "X4", CultureInfo.InvariantCulture);
        output.Advance(6);
    }
}
