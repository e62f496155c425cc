using System.Globalization;

namespace RunnerConsole.Model.Operate;

/// <summary>
/// Rebuilds the "after" text of a unified diff from the "before" text. The plan carries the masked live YAML and a
/// masked diff, never the masked desired text; this gives the diff editor its right-hand side without unmasking anything.
/// </summary>
public static class UnifiedPatch
{
    public static string Apply(string original, string unifiedDiff)
    {
        if (unifiedDiff.Length == 0)
        {
            return original;
        }

        // Split exactly as the diff did: a trailing newline makes a last, empty line.
        var source = original.Length == 0 ? [] : original.Split('\n');
        var output = new List<string>();
        var position = 0;
        foreach (var line in Lines(unifiedDiff))
        {
            if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("@@ -", StringComparison.Ordinal))
            {
                // Copy the untouched lines between the previous hunk and this one.
                var oldStart = int.Parse(line[4..].Split(',', ' ')[0], CultureInfo.InvariantCulture);
                for (; position < oldStart - 1 && position < source.Length; position++)
                {
                    output.Add(source[position]);
                }

                continue;
            }

            switch (line.Length == 0 ? ' ' : line[0])
            {
                case '+':
                    output.Add(line[1..]);
                    break;
                case '-':
                    position++;
                    break;
                default:
                    output.Add(line.Length == 0 ? string.Empty : line[1..]);
                    position++;
                    break;
            }
        }

        for (; position < source.Length; position++)
        {
            output.Add(source[position]);
        }

        return string.Join('\n', output);
    }

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
