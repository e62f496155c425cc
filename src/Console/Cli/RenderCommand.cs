using System.ComponentModel;
using RunnerConsole.Core.Rendering;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>
/// <c>runner-console render</c>: values file in, the runner's manifests out (stdout or one file per object), like
/// <c>helm template</c>. Secret values are masked unless <c>--show-secrets</c> is given.
/// </summary>
public sealed class RenderCommand : RunnerFileCommand<RenderCommand.Settings>
{
    public sealed class Settings : RunnerFileSettings
    {
        [CommandOption("-o|--output-dir <DIR>")]
        [Description("Write one file per object into DIR instead of printing to stdout.")]
        public string? OutputDir { get; init; }

        [CommandOption("--show-secrets")]
        [Description("Print Secret data as it will be applied (to pipe into kubectl). Default: masked.")]
        public bool ShowSecrets { get; init; }
    }

    protected override async Task<int> RunAsync(RunnerInput input, Settings settings, CancellationToken cancellationToken)
    {
        var set = RunnerInputs.RenderForOutput(input, settings.ShowSecrets);
        Trace?.Mark("render");
        if (settings.OutputDir is null)
        {
            var yaml = ManifestOutput.ToHelmStream(set);
            Trace?.Mark("YAML");
            await Console.Out.WriteAsync(yaml);
            return ExitCodes.Ok;
        }

        Directory.CreateDirectory(settings.OutputDir);
        foreach (var (fileName, content) in ManifestOutput.ToFiles(set))
        {
            await File.WriteAllTextAsync(Path.Combine(settings.OutputDir, fileName), content, cancellationToken);
        }

        await Console.Error.WriteLineAsync($"wrote {set.Count} files to {settings.OutputDir}");
        return ExitCodes.Ok;
    }
}
