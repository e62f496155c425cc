using System.ComponentModel;
using RunnerConsole.Core.Values;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console values validate -f FILE</c>: reports every problem of a values file.</summary>
public sealed class ValuesValidateCommand : AsyncCommand<ValuesValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-f|--file <FILE>")]
        [Description("Values file to check (/dev/stdin reads standard input).")]
        public string? File { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(File) ? ValidationResult.Error("-f|--file is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (ValuesCliSupport.RejectLeftovers(context, "validate") is { } usage)
        {
            return usage;
        }

        return await RunAsync(settings.File!, Console.Out, Console.Error, cancellationToken);
    }

    /// <summary>The verb without the command line: prints "valid" or every error, and returns the exit code.</summary>
    internal static async Task<int> RunAsync(string file, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var result = await ValuesFile.LoadAsync(file, cancellationToken);
        if (result.Errors.Count == 0)
        {
            await output.WriteLineAsync($"{file}: valid");
            return ExitCodes.Ok;
        }

        foreach (var error in result.Errors)
        {
            await errors.WriteLineAsync(error.ToString(file));
        }

        await errors.WriteLineAsync($"{file}: {result.Errors.Count} error(s)");
        return ExitCodes.InvalidInput;
    }
}
