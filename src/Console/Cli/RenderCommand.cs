using System.ComponentModel;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>
/// <c>runner-console render</c>: values file in, the runner's manifests out (stdout or one file per object), like
/// <c>helm template</c>. Secret values are masked unless <c>--show-secrets</c> is given.
/// </summary>
public sealed class RenderCommand : AsyncCommand<RenderCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-f|--values <FILE>")]
        [Description("Values file (YAML). Required.")]
        public string? ValuesFile { get; init; }

        [CommandOption("--version <VERSION>")]
        [Description("Runner version from the catalog. Default: the file's `version`, else the newest.")]
        public string? Version { get; init; }

        [CommandOption("--release <NAME>")]
        [Description("Release name (labels, derived service-account names). Default: kubiya-runner.")]
        public string Release { get; init; } = "kubiya-runner";

        [CommandOption("-n|--namespace <NS>")]
        [Description("Target namespace. Default: kubiya.")]
        public string Namespace { get; init; } = "kubiya";

        [CommandOption("-o|--output-dir <DIR>")]
        [Description("Write one file per object into DIR instead of printing to stdout.")]
        public string? OutputDir { get; init; }

        [CommandOption("--show-secrets")]
        [Description("Print Secret data as it will be applied (to pipe into kubectl). Default: masked.")]
        public bool ShowSecrets { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(ValuesFile)
                ? Spectre.Console.ValidationResult.Error("-f|--values FILE is required")
                : Spectre.Console.ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (CliInput.RejectLeftovers(context) is { } usage)
        {
            return usage;
        }

        if (RunnerRenderer.NameErrors(settings.Release, settings.Namespace) is { Count: > 0 } nameErrors)
        {
            foreach (var error in nameErrors)
            {
                await Console.Error.WriteLineAsync($"error: {error}");
            }

            return ExitCodes.Usage;
        }

        var path = settings.ValuesFile!;
        var loaded = await ValuesFile.LoadAsync(path, cancellationToken);
        var errors = loaded.Errors.Select(e => e.ToString(path)).ToList();
        var versionName = settings.Version ?? loaded.Values?.Version ?? "";
        var version = RunnerCatalog.Default.Resolve(versionName);
        if (version is null)
        {
            errors.Add($"{path}: version: unknown runner version '{versionName}'; known: {string.Join(", ", RunnerCatalog.Default.Versions.Select(v => v.Version))}");
        }

        if (!loaded.IsValid || version is null)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            return ExitCodes.InvalidInput;
        }

        // A real key pair only when it will be shown; masked output needs no key material at all.
        var material = settings.ShowSecrets ? (ISecretMaterialSource)new SelfSignedRegistryTls(TimeProvider.System) : new MaskedMaterial();
        var set = RunnerRenderer.Render(loaded.Values!, version, settings.Release, settings.Namespace, new RenderContext(material));

        if (!settings.ShowSecrets)
        {
            set = ManifestOutput.MaskSecrets(set);
        }

        if (settings.OutputDir is null)
        {
            await Console.Out.WriteAsync(ManifestOutput.ToHelmStream(set));
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

    /// <summary>Stands in for the key pair when Secret data is masked anyway: no key is generated only to be thrown away.</summary>
    private sealed class MaskedMaterial : ISecretMaterialSource
    {
        public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request) =>
            new("<generated at install>"u8.ToArray(), "<generated at install>"u8.ToArray());
    }
}
