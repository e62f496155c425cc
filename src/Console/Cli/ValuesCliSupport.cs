using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>What the <c>values</c> verbs share: refusing leftover arguments (strict parsing is off for <c>serve</c>); like <see cref="CliInput"/>, with the branch name in the usage hint.</summary>
internal static class ValuesCliSupport
{
    /// <summary>Prints a usage error and returns <see cref="ExitCodes.Usage"/> when arguments were left unparsed; null otherwise.</summary>
    public static int? RejectLeftovers(CommandContext context, string verb)
    {
        // Unknown options land in Parsed (flags are converted to remaining arguments), anything after "--" in Raw.
        var leftovers = context.Remaining.Parsed.Select(g => g.Key).Concat(context.Remaining.Raw).ToList();
        if (leftovers.Count == 0)
        {
            return null;
        }

        CliErrors.Write($"unexpected argument(s) for 'values {verb}': {string.Join(" ", leftovers)}");
        Console.Error.WriteLine($"usage: runner-console values {verb} --help");
        return ExitCodes.Usage;
    }
}
