using System.ComponentModel;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console probe URL</c>: exits 0 when the URL answers 2xx — the container HEALTHCHECK, which has no curl.</summary>
public sealed class ProbeCommand : AsyncCommand<ProbeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<URL>")]
        [Description("The URL to GET, e.g. http://127.0.0.1:8080/healthz.")]
        public string Url { get; init; } = string.Empty;

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up after this many seconds. Default: 5.")]
        public int TimeoutSeconds { get; init; } = 5;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (CliInput.RejectLeftovers(context) is { } usage)
        {
            return usage;
        }

        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"probe: '{settings.Url}' is not an http(s) URL");
            return ExitCodes.Usage;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}");
            return response.IsSuccessStatusCode ? ExitCodes.Ok : ExitCodes.Findings;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"probe: {uri} did not answer: {ex.Message}");
            return ExitCodes.ClusterError;
        }
    }
}
