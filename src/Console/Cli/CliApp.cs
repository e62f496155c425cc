using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>Builds the command line: one verb per class under <c>Cli/</c>, registered here.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = new CommandApp<ServeCommand>();
        app.Configure(Configure);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await app.RunAsync(args, cancellation.Token);
    }

    internal static void Configure(IConfigurator config)
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
                Spectre.Console.AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return ExitCodes.Usage;
            }

            Spectre.Console.AnsiConsole.MarkupLineInterpolated($"[red]internal error:[/] {ex.Message}");
            return ExitCodes.Internal;
        });

        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Run the web console (the default when no verb is given).")
            .WithExample("serve", "--urls", "http://127.0.0.1:5080");
        config.AddCommand<RenderCommand>("render").WithDescription("Render the runner's manifests from a values file (like helm template).").WithExample("render", "-f", "values.yaml", "-n", "kubiya");
        config.AddCommand<ProbeCommand>("probe")
            .WithDescription("GET a URL and exit 0 on a 2xx answer (the container health check).")
            .IsHidden();

        config.AddBranch("values", values =>
        {
            values.SetDescription("Create, describe and check runner values files.");
            values.AddCommand<ValuesInitCommand>("init").WithDescription("Print a complete, commented default values file.");
            values.AddCommand<ValuesSchemaCommand>("schema").WithDescription("Print the JSON Schema of the values file (for editors).");
            values.AddCommand<ValuesValidateCommand>("validate").WithDescription("Check a values file and print every error.")
                .WithExample("values", "validate", "-f", "values.yaml");
        });
        config.AddCommand<LintCommand>("lint")
            .WithDescription("Check manifests against the runner's security policy; exit 1 on any error-level finding.")
            .WithExample("lint", "--manifests", "runner.yaml", "-o", "json");
        config.AddCommand<SandboxCommand>("sandbox").WithDescription("Run the Sandbox: an in-memory, simulated Kubernetes API server for kubectl and helm.").WithExample("sandbox", "--listen", "127.0.0.1:6443", "--kubeconfig-out", "sandbox.kubeconfig");
    }
}
