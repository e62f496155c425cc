using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>Checks shared by the verbs.</summary>
public static class CliInput
{
    /// <summary>
    /// Parsing is relaxed so that <c>serve</c> can pass options to ASP.NET; every other verb calls this first and
    /// refuses arguments it does not know. Returns the exit code to stop with, or null to go on.
    /// </summary>
    public static int? RejectLeftovers(CommandContext context)
    {
        var leftovers = context.Remaining.Parsed.Select(g => g.Key).Concat(context.Remaining.Raw).ToList();
        if (leftovers.Count == 0)
        {
            return null;
        }

        CliErrors.Write($"unknown argument{(leftovers.Count > 1 ? "s" : string.Empty)}: {string.Join(' ', leftovers)}");
        Console.Error.WriteLine("       run the same verb with --help for its options");
        return ExitCodes.Usage;
    }
}
