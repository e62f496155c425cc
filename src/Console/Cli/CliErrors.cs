using Spectre.Console;

namespace RunnerConsole.Cli;

/// <summary>Error lines of every verb, on stderr (as kubectl and helm print theirs), coloured only where stderr is a terminal.</summary>
internal static class CliErrors
{
    private static readonly IAnsiConsole Stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary><c>error: MESSAGE</c>; the message is text, never markup.</summary>
    public static void Write(string message) => Stderr.MarkupLineInterpolated($"[red]error:[/] {message}");

    /// <summary><c>internal error: MESSAGE</c>: a fault of this program, not of the input.</summary>
    public static void WriteInternal(string message) => Stderr.MarkupLineInterpolated($"[red]internal error:[/] {message}");
}
