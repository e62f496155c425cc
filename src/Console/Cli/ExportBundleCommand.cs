using System.ComponentModel;
using RunnerConsole.Core.Rendering;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console export bundle -f values.yaml</c>: every object as one multi-document YAML file.</summary>
public sealed class ExportBundleCommand : RunnerFileCommand<ExportBundleCommand.Settings>
{
    public sealed class Settings : RunnerFileSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Write to FILE instead of stdout.")]
        public string? Output { get; init; }

        [CommandOption("--show-secrets")]
        [Description("Include Secret data as it would be applied (with a fresh registry key pair). Default: masked.")]
        public bool ShowSecrets { get; init; }
    }

    protected override async Task<int> RunAsync(RunnerInput input, Settings settings, CancellationToken cancellationToken)
    {
        var set = RunnerInputs.RenderForOutput(input, settings.ShowSecrets);
        await ExportOutput.WriteAsync(settings.Output, ManifestOutput.ToHelmStream(set), cancellationToken);
        return ExitCodes.Ok;
    }
}
