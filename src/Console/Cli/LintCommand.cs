using System.ComponentModel;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Policy;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>
/// <c>runner-console lint --manifests FILE [-o table|json]</c>: the policy report over any multi-document YAML;
/// <c>runner-console lint -f values.yaml [--version V] [--release NAME] [-n NAMESPACE]</c>: render the runner from a values
/// file exactly as <c>render</c> does, then lint it.
/// Exit codes: 0 no error-level finding, 1 (<see cref="ExitCodes.Findings"/>) at least one error,
/// 65 (<see cref="ExitCodes.InvalidInput"/>) unreadable or invalid input, with every problem printed.
/// </summary>
public sealed class LintCommand : AsyncCommand<LintCommand.Settings>
{
    private readonly IAnsiConsole _console;
    private readonly TextWriter _out;

    public LintCommand()
        : this(AnsiConsole.Console, Console.Out)
    {
    }

    internal LintCommand(IAnsiConsole console, TextWriter output)
    {
        _console = console;
        _out = output;
    }

    public sealed class Settings : CommandSettings
    {
        [CommandOption("-f|--values <FILE>")]
        [Description("Values file: render the runner from it (latest catalog version unless it names one), then lint the result.")]
        public string? Values { get; init; }

        [CommandOption("--version <VERSION>")]
        [Description("With -f: runner version from the catalog. Default: the file's `version`, else the newest.")]
        public string? Version { get; init; }

        [CommandOption("--release <NAME>")]
        [Description("With -f: release name. Default: kubiya-runner.")]
        public string Release { get; init; } = "kubiya-runner";

        [CommandOption("-n|--namespace <NAMESPACE>")]
        [Description("With -f: target namespace. Default: kubiya.")]
        public string Namespace { get; init; } = "kubiya";

        [CommandOption("--manifests <FILE>")]
        [Description("Multi-document YAML to check: rendered runner, `helm template` output, an old template… Use - for stdin.")]
        public string? Manifests { get; init; }

        [CommandOption("-o|--output <FORMAT>")]
        [Description("table (default) or json (stable machine format, schema " + PolicyReportJson.Schema + ").")]
        public string Output { get; init; } = "table";

        [CommandOption("--allowed-registry <REGISTRY>")]
        [Description("Allowed image registry (host or host/path prefix); repeat for several. When given, other registries are errors (IM004).")]
        public string[] AllowedRegistries { get; init; } = [];

        [CommandOption("--skip-unknown-kinds")]
        [Description("Check the built-in objects and only list documents of unknown kinds (custom resources) instead of failing with exit 65.")]
        public bool SkipUnknownKinds { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Manifests) == string.IsNullOrWhiteSpace(Values))
            {
                return ValidationResult.Error("give exactly one of --manifests FILE (lint a YAML file) or -f VALUES (render, then lint)");
            }

            return Output is "table" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"-o/--output: expected table or json, got '{Output}'");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) ?? await RunAsync(settings, Console.In, cancellationToken);

    /// <summary>
    /// Runs the verb with already-validated settings; <paramref name="stdin"/> is read for <c>--manifests -</c>.
    /// </summary>
    internal async Task<int> RunAsync(Settings settings, TextReader stdin, CancellationToken cancellationToken = default)
    {
        var json = settings.Output == "json";
        ManifestReadResult read;
        string source;
        if (settings.Values is { } valuesFile)
        {
            source = valuesFile;
            var (rendered, code) = await RenderAsync(settings, valuesFile, cancellationToken);
            if (rendered is null)
            {
                return code;
            }

            read = new ManifestReadResult(rendered, [], []);
        }
        else
        {
            source = settings.Manifests!;
            read = source == "-" ? ManifestReader.Read(await stdin.ReadToEndAsync(cancellationToken), "stdin") : ManifestReader.ReadFile(source);
        }

        var fatal = read.Problems.Where(p => !(settings.SkipUnknownKinds && p.IsUnknownKind)).ToList();
        if (fatal.Count > 0)
        {
            if (json)
            {
                _out.Write(PolicyReportJson.Write(null, source, read.Problems));
            }
            else
            {
                WriteProblems(source, read.Problems, settings.SkipUnknownKinds);
                _console.MarkupLineInterpolated($"[red]{fatal.Count} problem(s) in {source}; nothing was checked.[/] Fix the documents above and run lint again.");
            }

            return ExitCodes.InvalidInput;
        }

        var report = PolicyEngine.Evaluate(read.Manifests, new PolicyOptions { AllowedRegistries = settings.AllowedRegistries });
        if (json)
        {
            _out.Write(PolicyReportJson.Write(report, source, read.Problems, read.LocationOf));
        }
        else
        {
            WriteProblems(source, read.Problems, settings.SkipUnknownKinds);
            WriteTable(report, read);
        }

        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>
    /// Loads and validates a values file and renders the runner as <c>render</c> does (same defaults); on failure prints
    /// every error and returns the exit code. The registry key pair is generated as for an install and never printed.
    /// </summary>
    private async Task<(ManifestSet? Set, int ExitCode)> RenderAsync(Settings settings, string valuesFile, CancellationToken cancellationToken)
    {
        if (RunnerRenderer.NameErrors(settings.Release, settings.Namespace) is { Count: > 0 } nameErrors)
        {
            foreach (var error in nameErrors)
            {
                _console.MarkupLineInterpolated($"[red]error:[/] {error}");
            }

            return (null, ExitCodes.Usage);
        }

        var loaded = await ValuesFile.LoadAsync(valuesFile, cancellationToken);
        var problems = loaded.Errors.Select(e => new ManifestProblem(0, e.Line ?? 0, e.ToString(valuesFile))).ToList();
        var (version, versionError) = ReleaseInputs.ResolveVersion(settings.Version, loaded, valuesFile);
        if (versionError is not null)
        {
            problems.Add(new ManifestProblem(0, 0, versionError));
        }

        if (!loaded.IsValid || version is null)
        {
            if (settings.Output == "json")
            {
                _out.Write(PolicyReportJson.Write(null, valuesFile, problems));
            }
            else
            {
                foreach (var p in problems)
                {
                    _console.MarkupLine($"[red]invalid:[/] {Markup.Escape(p.Message)}");
                }

                _console.MarkupLineInterpolated($"[red]{problems.Count} problem(s) in {valuesFile}; nothing was rendered or checked.[/]");
            }

            return (null, ExitCodes.InvalidInput);
        }

        var set = RunnerRenderer.Render(loaded.Values!, version, settings.Release, settings.Namespace, RenderContext.ForInstall(TimeProvider.System));
        return (set, ExitCodes.Ok);
    }

    private void WriteProblems(string path, IReadOnlyList<ManifestProblem> problems, bool skipUnknownKinds)
    {
        foreach (var p in problems)
        {
            var label = p.IsUnknownKind && skipUnknownKinds ? "[yellow]skipped:[/]" : "[red]invalid:[/]";
            _console.MarkupLine($"{label} {Markup.Escape($"{path}: {p}")}");
        }
    }

    private void WriteTable(PolicyReport report, ManifestReadResult read)
    {
        if (report.Findings.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Severity");
            table.AddColumn("Rule");
            table.AddColumn("Object");
            table.AddColumn("Field");
            table.AddColumn("Message");
            foreach (var f in report.Findings)
            {
                var severity = f.Severity switch
                {
                    PolicySeverity.Error => "[red]error[/]",
                    PolicySeverity.Warning => "[yellow]warning[/]",
                    _ => "[blue]accepted exception[/]",
                };
                var message = f.ExceptionReason is null
                    ? $"{Markup.Escape(f.Message)}\n[dim]Fix: {Markup.Escape(f.Fix)}[/]"
                    : $"{Markup.Escape(f.Message)}\n[blue]Accepted: {Markup.Escape(f.ExceptionReason)}[/]";
                table.AddRow(
                    new Markup(severity),
                    new Text(f.RuleId),
                    new Text(read.LocationOf(f.Object) is { } at ? $"{f.Object}\nline {at.Line}" : f.Object.ToString()),
                    new Text(f.FieldPath),
                    new Markup(message));
            }

            _console.Write(table);
        }

        var color = report.HasErrors ? "red" : report.Warnings > 0 ? "yellow" : "green";
        _console.MarkupLine($"[{color}]{Markup.Escape(report.Summary)}[/]");
    }
}
