using System.ComponentModel;
using RunnerConsole.Core.Rendering;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console export bundle -f values.yaml</c>: every object as one multi-document YAML file.</summary>
public sealed class ExportBundleCommand : AsyncCommand<ExportBundleCommand.Settings>
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

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (CliInput.RejectLeftovers(context) is { } usage)
        {
            return usage;
        }

        var (input, exit) = await RunnerInputs.LoadAsync(settings, cancellationToken);
        if (input is null)
        {
            return exit;
        }

        var material = settings.ShowSecrets ? (ISecretMaterialSource)new SelfSignedRegistryTls(TimeProvider.System) : new MaskedTls();
        var set = RunnerRenderer.Render(input.Values, input.Version, input.Release, input.Namespace, new RenderContext(material));
        if (!settings.ShowSecrets)
        {
            set = ManifestOutput.MaskSecrets(set);
        }

        await ExportOutput.WriteAsync(settings.Output, ManifestOutput.ToHelmStream(set), cancellationToken);
        return ExitCodes.Ok;
    }

    private sealed class MaskedTls : ISecretMaterialSource
    {
        public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request) => new([], []);
    }
}
