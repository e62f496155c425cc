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

    /// <summary>
    /// <c>render</c> without building the whole command line (Spectre.Console.Cli reflects over every verb's settings,
    /// a large share of a CI render's start-up): taken only when every argument is one of this verb's options in a
    /// plain form (<c>-f FILE</c>, <c>--values FILE</c>, <c>--values=FILE</c>, <c>--show-secrets</c>) and the settings
    /// are valid; anything else (help, errors, unusual spellings) returns null and goes through the full command line.
    /// </summary>
    internal static Task<int>? TryRunDirect(string[] args)
    {
        if (args is not ["render", ..] || ParseDirect(args.AsSpan(1)) is not { } settings || !settings.Validate().Successful)
        {
            return null;
        }

        return RunDirectAsync(settings);
    }

    internal static Settings? ParseDirect(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var showSecrets = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--show-secrets" && !showSecrets)
            {
                showSecrets = true;
                continue;
            }

            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals > 0 ? arg[..equals] : arg;
            var key = name switch
            {
                "-f" or "--values" => "values",
                "--version" => "version",
                "--release" => "release",
                "-n" or "--namespace" => "namespace",
                "-o" or "--output-dir" => "output",
                _ => null,
            };
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith('-'))
            {
                value = args[++i];
            }
            else
            {
                return null;
            }

            if (key is null || value.Length == 0 || !options.TryAdd(key, value))
            {
                return null;
            }
        }

        var defaults = new Settings();
        return new Settings
        {
            ValuesFile = options.GetValueOrDefault("values"),
            Version = options.GetValueOrDefault("version"),
            Release = options.GetValueOrDefault("release") ?? defaults.Release,
            Namespace = options.GetValueOrDefault("namespace") ?? defaults.Namespace,
            OutputDir = options.GetValueOrDefault("output"),
            ShowSecrets = showSecrets,
        };
    }

    private static async Task<int> RunDirectAsync(Settings settings)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            return await new RenderCommand().LoadAndRunAsync(settings, cancellation.Token);
        }
        catch (Exception ex)
        {
            // As the full command line reports it (CliApp's exception handler).
            Spectre.Console.AnsiConsole.MarkupLineInterpolated($"[red]internal error:[/] {ex.Message}");
            return ExitCodes.Internal;
        }
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
