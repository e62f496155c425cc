using System.ComponentModel;
using RunnerConsole.Core.Export;
using RunnerConsole.Core.Rendering;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console export chart -f values.yaml -o DIR</c>: a versioned Helm chart package for GitOps tools.</summary>
public sealed class ExportChartCommand : RunnerFileCommand<ExportChartCommand.Settings>
{
    public sealed class Settings : RunnerFileSettings
    {
        [CommandOption("-o|--output-dir <DIR>")]
        [Description("Folder for kubiya-runner-<version>.tgz. Default: the current folder.")]
        public string OutputDir { get; init; } = ".";

        [CommandOption("--unpacked")]
        [Description("Write the chart as a folder instead of a .tgz package.")]
        public bool Unpacked { get; init; }
    }

    protected override async Task<int> RunAsync(RunnerInput input, Settings settings, CancellationToken cancellationToken)
    {
        // The chart's registry key pair is made by Helm at install; the renderer's is never written out.
        var manifests = RunnerRenderer.Render(input.Values, input.Version, input.Release, input.Namespace, new RenderContext(new PlaceholderTls()));
        var result = ChartExporter.Export(manifests, input.Values, input.Version, input.Release, input.Namespace);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
            }

            await Console.Error.WriteLineAsync("export chart: nothing was written");
            return ExitCodes.InvalidInput;
        }

        var path = settings.Unpacked
            ? await ChartArchive.WriteDirectoryAsync(result.Chart!, settings.OutputDir, cancellationToken)
            : await ChartArchive.WriteAsync(result.Chart!, settings.OutputDir, cancellationToken);
        await Console.Out.WriteLineAsync(Path.GetFullPath(path));
        return ExitCodes.Ok;
    }

    private sealed class PlaceholderTls : ISecretMaterialSource
    {
        public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request) => new([], []);
    }
}
