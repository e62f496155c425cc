using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace RunnerConsole.Core.Planning;

/// <summary>Unified line diff (<c>-</c>/<c>+</c>/space prefixes, <c>@@</c> hunks) of two texts.</summary>
public static class TextDiff
{
    public static string Unified(string oldText, string newText, string oldName = "live", string newName = "desired", int context = 3)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(oldText, newText, ignoreWhitespace: false);
        var lines = model.Lines.Where(l => l.Type != ChangeType.Imaginary).ToList();
        if (lines.All(l => l.Type == ChangeType.Unchanged))
        {
            return string.Empty;
        }

        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l.Type != ChangeType.Unchanged).Select(x => x.i).ToList();
        var output = new StringBuilder().Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');
        var start = 0;
        while (start < changed.Count)
        {
            // A hunk spans consecutive changes whose context windows touch.
            var end = start;
            while (end + 1 < changed.Count && changed[end + 1] - changed[end] <= 2 * context)
            {
                end++;
            }

            var from = Math.Max(0, changed[start] - context);
            var to = Math.Min(lines.Count - 1, changed[end] + context);
            var oldStart = lines.Take(from).Count(l => l.Type != ChangeType.Inserted) + 1;
            var newStart = lines.Take(from).Count(l => l.Type != ChangeType.Deleted) + 1;
            var hunk = lines.Skip(from).Take(to - from + 1).ToList();
            output.Append("@@ -").Append(oldStart).Append(',').Append(hunk.Count(l => l.Type != ChangeType.Inserted))
                .Append(" +").Append(newStart).Append(',').Append(hunk.Count(l => l.Type != ChangeType.Deleted)).Append(" @@\n");
            foreach (var line in hunk)
            {
                output.Append(line.Type switch
                {
                    ChangeType.Inserted => '+',
                    ChangeType.Deleted => '-',
                    _ => ' ',
                }).Append(line.Text).Append('\n');
            }

            start = end + 1;
        }

        return output.ToString();
    }
}
