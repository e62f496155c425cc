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
        config.UseStrictParsing();
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
    }
}
