using System.ComponentModel;
using RunnerConsole.Core.Values;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console export values -f values.yaml</c>: the complete values (defaults filled in), secrets redacted.</summary>
public sealed class ExportValuesCommand : RunnerFileCommand<ExportValuesCommand.Settings>
{
    public sealed class Settings : RunnerFileSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Write to FILE instead of stdout.")]
        public string? Output { get; init; }
    }

    protected override async Task<int> RunAsync(RunnerInput input, Settings settings, CancellationToken cancellationToken)
    {
        var yaml = ValuesWriter.ToCommentedYaml(input.Values, redactSecrets: true);
        await ExportOutput.WriteAsync(settings.Output, yaml, cancellationToken);
        return ExitCodes.Ok;
    }
}
