using Spectre.Console;

namespace RunnerConsole.Cli;

/// <summary>Result lines on stdout that must never be re-flowed: diff text, whatever the terminal's width.</summary>
internal static class CliOutput
{
    /// <summary>The width Spectre is given when stdout is not a terminal: wide enough that it never wraps a line.</summary>
    public const int UnwrappedWidth = 1 << 20;

    /// <summary>
    /// Writes <paramref name="text"/> as one line, coloured (an SGR code such as <c>31</c>) where stdout shows colour;
    /// Spectre would wrap it at the terminal's width, splitting a diff line in two.
    /// </summary>
    public static void Line(string text, string? sgr = null)
    {
        var colour = sgr is not null && AnsiConsole.Profile.Capabilities.Ansi && AnsiConsole.Profile.Capabilities.ColorSystem != ColorSystem.NoColors;
        Console.Out.WriteLine(colour ? $"\u001b[{sgr}m{text}\u001b[0m" : text);
    }

    /// <summary>
    /// A table as kubectl and helm print theirs: an upper-case header row and columns three spaces apart, no borders, so
    /// <c>awk</c>, <c>grep</c> and <c>column</c> read it as they read theirs.
    /// </summary>
    public static Table PlainTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.None);
        for (var i = 0; i < headers.Length; i++)
        {
            table.AddColumn(new TableColumn(headers[i]).PadLeft(0).PadRight(i == headers.Length - 1 ? 0 : 3));
        }

        return table;
    }

    /// <summary>Writes a <see cref="PlainTable"/> without the padding Spectre leaves after the last column.</summary>
    public static void Write(Table table)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiConsole.Profile.Capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = AnsiConsole.Profile.Capabilities.ColorSystem == ColorSystem.NoColors ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        console.Profile.Width = UnwrappedWidth; // a row wider than the terminal is soft-wrapped by it, cells never squeezed
        console.Write(table);
        foreach (var line in text.ToString().Split('\n'))
        {
            if (line.Length > 0)
            {
                Console.Out.WriteLine(line.TrimEnd());
            }
        }
    }
}
