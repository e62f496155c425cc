using System.Net;
using System.Text;

namespace RunnerConsole.Model.Preview;

/// <summary>
/// Turns YAML into HTML with token classes (key, string, number, literal, comment, punctuation) for the read-only
/// viewer, one block element per line (so no newline characters between them). Every piece of text is HTML-encoded, so the result is safe to render as markup. One pass, no allocations per
/// character: the viewer re-highlights on every preview update.
/// </summary>
public static class YamlHighlighter
{
    private static readonly string[] Literals = ["true", "false", "null", "~", "yes", "no"];

    public static string ToHtml(string yaml)
    {
        var html = new StringBuilder(yaml.Length * 2);
        var lines = yaml.Split('\n');
        var count = yaml.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            html.Append("<span class=\"yl\">");
            Line(html, lines[i].TrimEnd('\r'));
            html.Append("</span>");
        }

        return html.ToString();
    }

    private static void Line(StringBuilder html, string line)
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        html.Append(line, 0, indent);
        var rest = line[indent..];
        if (rest.StartsWith('#'))
        {
            Token(html, "yc", rest);
            return;
        }

        if (rest == "---")
        {
            Token(html, "yp", rest);
            return;
        }

        while (rest.StartsWith("- ", StringComparison.Ordinal) || rest == "-")
        {
            Token(html, "yp", "-");
            rest = rest.Length > 1 ? rest[1..] : string.Empty;
            var spaces = rest.Length - rest.TrimStart(' ').Length;
            html.Append(rest, 0, spaces);
            rest = rest[spaces..];
        }

        var colon = KeyEnd(rest);
        if (colon > 0)
        {
            Token(html, "yk", rest[..colon]);
            Token(html, "yp", ":");
            var value = rest[(colon + 1)..];
            var spaces = value.Length - value.TrimStart(' ').Length;
            html.Append(value, 0, spaces);
            Scalar(html, value[spaces..]);
        }
        else
        {
            Scalar(html, rest);
        }
    }

    // A key ends at the first ": " (or a trailing ":") outside quotes.
    private static int KeyEnd(string text)
    {
        if (text.Length == 0 || text[0] is '"' or '\'' or '{' or '[' or '|' or '>')
        {
            return -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && (i == text.Length - 1 || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Scalar(StringBuilder html, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        var text = comment >= 0 && value[0] is not ('"' or '\'') ? value[..comment] : value;
        var cls = text switch
        {
            _ when text[0] is '"' or '\'' => "ys",
            _ when text is "|" or ">" or "|-" or ">-" or "{}" or "[]" => "yp",
            _ when Literals.Contains(text, StringComparer.Ordinal) => "yb",
            _ when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => "yn",
            _ => "ys",
        };
        Token(html, cls, text);
        if (text.Length < value.Length)
        {
            Token(html, "yc", value[text.Length..]);
        }
    }

    private static void Token(StringBuilder html, string cls, string text) =>
        html.Append("<span class=\"").Append(cls).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
}
