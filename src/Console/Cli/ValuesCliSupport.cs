using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>What the <c>values</c> verbs share: refusing leftover arguments (strict parsing is off for <c>serve</c>).</summary>
internal static class ValuesCliSupport
{
    /// <summary>Prints a usage error and returns <see cref="ExitCodes.Usage"/> when arguments were left unparsed; null otherwise.</summary>
    public static int? RejectLeftovers(CommandContext context, string verb)
    {
        var leftovers = context.Remaining.Raw;
        if (leftovers.Count == 0)
        {
            return null;
        }

        Console.Error.WriteLine($"error: unexpected argument(s) for 'values {verb}': {string.Join(" ", leftovers)}");
        Console.Error.WriteLine($"usage: runner-console values {verb} --help");
        return ExitCodes.Usage;
    }
}
