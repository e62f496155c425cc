using System.ComponentModel;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>Options of every verb that renders the runner from a values file.</summary>
public class RunnerFileSettings : CommandSettings
{
    [CommandOption("-f|--values <FILE>")]
    [Description("Values file (YAML; - reads standard input). Required.")]
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

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(ValuesFile)
            ? Spectre.Console.ValidationResult.Error("-f|--values FILE is required")
            : Spectre.Console.ValidationResult.Success();
}

/// <summary>A values file read, validated and matched to a catalog version.</summary>
public sealed record RunnerInput(RunnerValues Values, RunnerVersion Version, string Release, string Namespace);

/// <summary>Reads the inputs of rendering verbs, printing every problem (file, key path, line) on failure.</summary>
public static class RunnerInputs
{
    /// <summary>The input, or null after printing the errors (exit with <see cref="ExitCodes.InvalidInput"/> or <see cref="ExitCodes.Usage"/>).</summary>
    public static async Task<(RunnerInput? Input, int ExitCode)> LoadAsync(RunnerFileSettings settings, CancellationToken cancellationToken)
    {
        if (RunnerRenderer.NameErrors(settings.Release, settings.Namespace) is { Count: > 0 } nameErrors)
        {
            CliErrors.WriteAll(nameErrors);
            return (null, ExitCodes.Usage);
        }

        var (input, exit) = await ReadValuesAsync(settings.ValuesFile, settings.Version, cancellationToken);
        return input is null ? (null, exit) : (new RunnerInput(input.Values, input.Version, settings.Release, settings.Namespace), ExitCodes.Ok);
    }

    /// <summary>
    /// How every verb reads a values file (<c>-</c>: standard input; none: the defaults): at most 1 MiB of UTF-8, checked
    /// and matched to the catalog version (<paramref name="version"/> wins over the file's), or every problem printed,
    /// each naming the file, line and column.
    /// </summary>
    internal static async Task<(ValuesInput? Input, int Exit)> ReadValuesAsync(string? path, string? version, CancellationToken cancellationToken)
    {
        var source = path is null ? "values" : path == "-" ? "stdin" : path;
        string? yaml = null;
        if (path is not null)
        {
            var (text, problem) = path == "-"
                ? await ValuesFile.ReadAsync(Console.OpenStandardInput(), cancellationToken)
                : await ValuesFile.ReadAsync(path, cancellationToken);
            if (text is null)
            {
                CliErrors.Write(problem!.ToString(source));
                return (null, ExitCodes.InvalidInput);
            }

            yaml = text;
        }

        var (input, errors) = ReleaseInputs.Load(yaml, version, source);
        CliErrors.WriteAll(errors);

        return (input, input is null ? ExitCodes.InvalidInput : ExitCodes.Ok);
    }

    /// <summary>
    /// Renders the input for printing: Secret data masked (and no key pair generated only to be hidden) unless
    /// <paramref name="showSecrets"/>, in which case a fresh registry key pair is made as an install would.
    /// </summary>
    public static ManifestSet RenderForOutput(RunnerInput input, bool showSecrets)
    {
        var material = showSecrets ? (ISecretMaterialSource)new SelfSignedRegistryTls(TimeProvider.System) : new MaskedMaterial();
        var set = RunnerRenderer.Render(input.Values, input.Version, input.Release, input.Namespace, new RenderContext(material));
        return showSecrets ? set : ManifestOutput.MaskSecrets(set);
    }

    private sealed class MaskedMaterial : ISecretMaterialSource
    {
        public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request) =>
            new("<generated at install>"u8.ToArray(), "<generated at install>"u8.ToArray());
    }
}

/// <summary>
/// A verb that renders the runner from a values file: leftovers are refused and the input loaded (every error
/// printed) before <see cref="RunAsync"/> sees it.
/// </summary>
public abstract class RunnerFileCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : RunnerFileSettings
{
    /// <summary>The timing trace (<c>RUNNER_CONSOLE_TRACE=1</c>), or null.</summary>
    protected internal OperationTrace? Trace { get; init; } = OperationTrace.FromEnvironment();

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        Trace?.Mark("command line");
        if (CliInput.RejectLeftovers(context) is { } usage)
        {
            return usage;
        }

        return await LoadAndRunAsync(settings, cancellationToken);
    }

    internal async Task<int> LoadAndRunAsync(TSettings settings, CancellationToken cancellationToken)
    {
        var (input, exit) = await RunnerInputs.LoadAsync(settings, cancellationToken);
        Trace?.Mark("values");
        var code = input is null ? exit : await RunAsync(input, settings, cancellationToken);
        ReleaseCli.FinishTrace(Trace, "output");
        return code;
    }

    protected abstract Task<int> RunAsync(RunnerInput input, TSettings settings, CancellationToken cancellationToken);
}
