using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace RunnerConsole.Core.Planning;

/// <summary>Unified line diff (<c>-</c>/<c>+</c>/space prefixes, <c>@@</c> hunks) of two texts.</summary>
public static class TextDiff
{
    /// <summary>
    /// One line saying how a multi-line text changed, for lists of field changes: the line itself when one line changed
    /// (<c>scrape_interval: 30s -> scrape_interval: 45s</c>; no line number, since the pane's diff numbers the whole
    /// manifest's lines), else how many lines went and came.
    /// </summary>
    public static string LineSummary(string oldText, string newText)
    {
        // Lines as a reader counts them: a final newline ends the last line, it does not start an empty one.
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(WithoutFinalNewline(oldText), WithoutFinalNewline(newText), ignoreWhitespace: false);
        var deleted = model.Lines.Where(l => l.Type == ChangeType.Deleted).ToList();
        var inserted = model.Lines.Where(l => l.Type == ChangeType.Inserted).ToList();
        if (deleted.Count == 1 && inserted.Count == 1)
        {
            return $"{deleted[0].Text.Trim()} -> {inserted[0].Text.Trim()}";
        }

        return (deleted.Count, inserted.Count) switch
        {
            (0, 0) => oldText.EndsWith('\n') ? "final newline removed" : "final newline added",
            (0, var added) => $"{Lines(added)} added",
            (var removed, 0) => $"{Lines(removed)} removed",
            var (removed, added) => $"{Lines(removed)} removed, {Lines(added)} added",
        } + " (see the diff)";

        static string Lines(int count) => count == 1 ? "1 line" : $"{count} lines";
        static string WithoutFinalNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;
    }

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
