using System.ComponentModel;
using RunnerConsole.Hosting;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console serve</c>: hosts the web console until Ctrl+C.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Addresses to listen on, separated by ';'. Default: http://127.0.0.1:5080 (loopback only).")]
        public string? Urls { get; init; }

        [CommandOption("--kubeconfig <FILE>")]
        [Description("Kubeconfig file whose contexts the console offers. Default: $KUBECONFIG, then ~/.kube/config.")]
        public string? Kubeconfig { get; init; }

        [CommandOption("--sandbox")]
        [Description("Offer the built-in simulated cluster (\"Sandbox\") even when the kubeconfig has contexts. It is always offered when there are none.")]
        public bool Sandbox { get; init; }

        [CommandOption("--log-format <FORMAT>")]
        [Description("Console log format: text (default) or json.")]
        public string? LogFormat { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            LogFormat is null or "text" or "json"
                ? Spectre.Console.ValidationResult.Success()
                : Spectre.Console.ValidationResult.Error($"--log-format: expected text or json, got '{LogFormat}'");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Arguments this verb does not know (e.g. --environment=Development from a test host) go to ASP.NET configuration.
        var passThrough = context.Remaining.Parsed
            .SelectMany(group => group.Select(value => value is null ? group.Key : $"{group.Key}={value}"))
            .Concat(context.Remaining.Raw)
            .ToArray();
        var app = ConsoleWebApp.Create(passThrough, new ConsoleWebAppSettings(settings.Urls, settings.Kubeconfig, settings.LogFormat, settings.Sandbox));
        await app.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
