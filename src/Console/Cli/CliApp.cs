using Spectre.Console;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>Builds the command line: one verb per class under <c>Cli/</c>, registered here.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Piped or saved output is never wrapped (Spectre assumes 80 columns without a terminal): a diff or a table
            // line stays one line, as kubectl and helm print them.
            AnsiConsole.Profile.Width = CliOutput.UnwrappedWidth;
        }

        var app = new CommandApp<ServeCommand>();
        app.Configure(config => Configure(config, args));
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await app.RunAsync(WithStdinValues(args), cancellation.Token);
    }

    /// <summary>
    /// <c>-f -</c> (standard input, as helm and kubectl take it): Spectre.Console.Cli reads a lone <c>-</c> as an option
    /// without a name, so a file option followed by <c>-</c> is passed on as <c>option=-</c>, which it parses.
    /// </summary>
    internal static string[] WithStdinValues(string[] args)
    {
        if (!args.Contains("-"))
        {
            return args;
        }

        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 < args.Length && args[i + 1] == "-" && args[i] is "-f" or "--values" or "--manifests")
            {
                result.Add(args[i] + "=-");
                i++;
                continue;
            }

            result.Add(args[i]);
        }

        return [.. result];
    }

    /// <summary>
    /// Registers the verbs. Spectre.Console.Cli reflects over the settings of every registered verb before it parses
    /// anything, so when <c>args[0]</c> names a verb only that verb (or branch) is registered (about 10–20 ms less of a
    /// cold start in our measurements); no arguments, an option first (<c>serve</c>'s defaults, <c>--help</c>) or an
    /// unknown word registers all.
    /// </summary>
    internal static void Configure(IConfigurator config, IReadOnlyList<string>? args = null)
    {
        config.SetApplicationName("runner-console");
        // Not strict: `serve` hands options it does not know to ASP.NET configuration (as test hosts and
        // `--Logging:LogLevel:Default=Debug` need); every other verb rejects leftovers itself.
        config.Settings.StrictParsing = false;
        config.Settings.ConvertFlagsToRemainingArguments = true;
        config.SetExceptionHandler((ex, _) =>
        {
            if (ex is CommandParseException or CommandRuntimeException)
            {
                CliErrors.Write(ex.Message);
                return ExitCodes.Usage;
            }

            CliErrors.WriteInternal(ex.Message);
            return ExitCodes.Internal;
        });

        var only = args is [var first, ..] && Verbs.Any(v => v.Name == first) ? args[0] : null;
        foreach (var (name, register) in Verbs)
        {
            if (only is null || only == name)
            {
                register(config);
            }
        }
    }

    private static readonly (string Name, Action<IConfigurator> Register)[] Verbs =
    [
        ("diff", c => c.AddCommand<DiffCommand>("diff").WithDescription("Show what an upgrade would change (server-side dry-run; secrets masked).").WithExample("diff", "runner", "-n", "kubiya", "-f", "values.yaml", "--detailed-exitcode")),
        ("install", c => c.AddCommand<InstallCommand>("install").WithDescription("Render and install the runner as a Helm-compatible release.").WithExample("install", "runner", "-n", "kubiya", "-f", "values.yaml", "--create-namespace", "--wait")),
        ("upgrade", c => c.AddCommand<UpgradeCommand>("upgrade").WithDescription("Upgrade the release to new values or a new runner version.").WithExample("upgrade", "runner", "-n", "kubiya", "-f", "values.yaml", "--install", "--atomic")),
        ("rollback", c => c.AddCommand<RollbackCommand>("rollback").WithDescription("Roll back to a stored revision (default: the previous).").WithExample("rollback", "runner", "3", "-n", "kubiya")),
        ("history", c => c.AddCommand<HistoryCommand>("history").WithDescription("List the release's revisions.").WithExample("history", "runner", "-n", "kubiya")),
        ("status", c => c.AddCommand<StatusCommand>("status").WithDescription("Show the release and the health of its objects.").WithExample("status", "runner", "-n", "kubiya")),
        ("uninstall", c => c.AddCommand<UninstallCommand>("uninstall").WithDescription("Delete the release's objects and history.").WithExample("uninstall", "runner", "-n", "kubiya", "--keep-history")),
        ("recover", c => c.AddCommand<RecoverCommand>("recover").WithDescription("Release the lock of a revision stuck in pending-* (marks it failed).").WithExample("recover", "runner", "-n", "kubiya")),
        ("serve", c => c.AddCommand<ServeCommand>("serve")
            .WithDescription("Run the web console (the default when no verb is given).")
            .WithExample("serve", "--urls", "http://127.0.0.1:5080")),
        ("render", c => c.AddCommand<RenderCommand>("render").WithDescription("Render the runner's manifests from a values file (like helm template).").WithExample("render", "-f", "values.yaml", "-n", "kubiya")),
        ("probe", c => c.AddCommand<ProbeCommand>("probe")
            .WithDescription("GET a URL and exit 0 on a 2xx answer (the container health check).")
            .IsHidden()),
        ("values", c => c.AddBranch("values", values =>
        {
            values.SetDescription("Create, describe and check runner values files.");
            values.AddCommand<ValuesInitCommand>("init").WithDescription("Print a complete, commented default values file.");
            values.AddCommand<ValuesSchemaCommand>("schema").WithDescription("Print the JSON Schema of the values file (for editors).");
            values.AddCommand<ValuesValidateCommand>("validate").WithDescription("Check a values file and print every error.")
                .WithExample("values", "validate", "-f", "values.yaml");
        })),
        ("lint", c => c.AddCommand<LintCommand>("lint")
            .WithDescription("Check manifests against the runner's security policy; exit 1 on any error-level finding.")
            .WithExample("lint", "--manifests", "runner.yaml", "-o", "json")
            .WithExample("lint", "-f", "values.yaml")),
        ("sandbox", c => c.AddCommand<SandboxCommand>("sandbox").WithDescription("Run the Sandbox: an in-memory, simulated Kubernetes API server for kubectl and helm.").WithExample("sandbox", "--listen", "127.0.0.1:6443", "--kubeconfig-out", "sandbox.kubeconfig")),
        ("export", c => c.AddBranch("export", export =>
        {
            export.SetDescription("Export the runner for other tools: a Helm chart, a manifest bundle, a values file.");
            export.AddCommand<ExportChartCommand>("chart").WithDescription("Write a versioned Helm chart package (kubiya-runner-<version>.tgz) without secrets.")
                .WithExample("export", "chart", "-f", "values.yaml", "-o", "dist");
            export.AddCommand<ExportBundleCommand>("bundle").WithDescription("Print every object as one multi-document YAML (Secret data masked unless --show-secrets).");
            export.AddCommand<ExportValuesCommand>("values").WithDescription("Print the complete values, defaults filled in, secrets redacted.");
        })),
    ];
}
