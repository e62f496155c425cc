using System.ComponentModel;
using System.Text;
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
            // Read at most one byte past the limit: pipes and /dev/stdin have no length to check up front.
            await using var stream = new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            var buffer = new byte[ValuesLoader.MaxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            if (total > ValuesLoader.MaxBytes)
            {
                await Console.Error.WriteLineAsync($"{name}: the values file is larger than 1 MiB");
                return null;
            }

            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, total).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            await Console.Error.WriteLineAsync($"{name}: not UTF-8 text");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{name}: cannot read: {e.Message}");
            return null;
        }
    }
}
