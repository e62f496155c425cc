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
        [Description("Values file to check; '-' reads standard input.")]
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

        var name = settings.File!;
        var yaml = await ReadAsync(name, cancellationToken);
        if (yaml is null)
        {
            return ExitCodes.InvalidInput;
        }

        var result = ValuesLoader.Load(yaml);
        if (result.Errors.Count == 0)
        {
            await Console.Out.WriteLineAsync($"{name}: valid");
            return ExitCodes.Ok;
        }

        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync(error.ToString(name));
        }

        await Console.Error.WriteLineAsync($"{name}: {result.Errors.Count} error(s)");
        return ExitCodes.InvalidInput;
    }

    private static async Task<string?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            if (name == "-")
            {
                // Read one byte past the limit so an oversized input is reported, without buffering all of it.
                var buffer = new char[ValuesLoader.MaxBytes + 1];
                var read = await Console.In.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
                return new string(buffer, 0, read);
            }

            var info = new FileInfo(name);
            if (info.Exists && info.Length > ValuesLoader.MaxBytes)
            {
                await Console.Error.WriteLineAsync($"{name}: the values file is larger than 1 MiB");
                return null;
            }

            return await System.IO.File.ReadAllTextAsync(name, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{name}: cannot read: {e.Message}");
            return null;
        }
    }
}
