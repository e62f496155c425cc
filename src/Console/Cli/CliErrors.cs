namespace RunnerConsole.Cli;

/// <summary>
/// Error lines of every verb, on stderr (as kubectl and helm print theirs): one line per error, never wrapped (a long
/// message stays one line for grep and copy), the label red only where stderr is a terminal and <c>NO_COLOR</c> is unset.
/// </summary>
internal static class CliErrors
{
    /// <summary><c>error: MESSAGE</c>.</summary>
    public static void Write(string message) => Line("error:", message);

    /// <summary>One <c>error:</c> line per message, in order.</summary>
    public static void WriteAll(IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            Write(message);
        }
    }

    /// <summary><c>internal error: MESSAGE</c>: a fault of this program, not of the input.</summary>
    public static void WriteInternal(string message) => Line("internal error:", message);

    private static void Line(string label, string message) =>
        Console.Error.WriteLine(Coloured() ? $"\u001b[31m{label}\u001b[0m {message}" : $"{label} {message}");

    private static bool Coloured() =>
        !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
