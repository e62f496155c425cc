using System.ComponentModel;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>Options of every verb that renders the runner from a values file.</summary>
public class RunnerFileSettings : CommandSettings
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
            foreach (var error in nameErrors)
            {
                await Console.Error.WriteLineAsync($"error: {error}");
            }

            return (null, ExitCodes.Usage);
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

            return (null, ExitCodes.InvalidInput);
        }

        return (new RunnerInput(loaded.Values!, version, settings.Release, settings.Namespace), ExitCodes.Ok);
    }
}
