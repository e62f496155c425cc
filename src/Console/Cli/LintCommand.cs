using System.ComponentModel;
using RunnerConsole.Core.Policy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>
/// <c>runner-console lint --manifests FILE [-o table|json]</c>: the policy report over any multi-document YAML.
/// Exit codes: 0 no error-level finding, 1 (<see cref="ExitCodes.Findings"/>) at least one error,
/// 65 (<see cref="ExitCodes.InvalidInput"/>) unreadable or invalid input, with every problem printed.
/// </summary>
public sealed class LintCommand : Command<LintCommand.Settings>
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
            if (string.IsNullOrWhiteSpace(Manifests))
            {
                return ValidationResult.Error("--manifests FILE is required");
            }

            return Output is "table" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"-o/--output: expected table or json, got '{Output}'");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) ?? Run(settings, Console.In);

    /// <summary>Runs the verb with already-validated settings; <paramref name="stdin"/> is read for <c>--manifests -</c>.</summary>
    internal int Run(Settings settings, TextReader stdin)
    {
        var path = settings.Manifests!;
        var read = path == "-" ? ManifestReader.Read(stdin.ReadToEnd(), "stdin") : ManifestReader.ReadFile(path);
        var fatal = read.Problems.Where(p => !(settings.SkipUnknownKinds && p.IsUnknownKind)).ToList();
        var json = settings.Output == "json";

        if (fatal.Count > 0)
        {
            if (json)
            {
                _out.Write(PolicyReportJson.Write(null, path, read.Problems));
            }
            else
            {
                WriteProblems(path, read.Problems, settings.SkipUnknownKinds);
                _console.MarkupLineInterpolated($"[red]{fatal.Count} problem(s) in {path}; nothing was checked.[/] Fix the documents above and run lint again.");
            }

            return ExitCodes.InvalidInput;
        }

        var report = PolicyEngine.Evaluate(read.Manifests, new PolicyOptions { AllowedRegistries = settings.AllowedRegistries });
        if (json)
        {
            _out.Write(PolicyReportJson.Write(report, path, read.Problems, read.LocationOf));
        }
        else
        {
            WriteProblems(path, read.Problems, settings.SkipUnknownKinds);
            WriteTable(report, read);
        }

        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
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
            var table = new Table().Border(TableBorder.Rounded).Expand();
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
