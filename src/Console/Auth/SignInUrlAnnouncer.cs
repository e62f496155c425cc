using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RunnerConsole.Auth;

/// <summary>Prints the sign-in URL once the server listens, like Jupyter does; the token itself is never logged.</summary>
public sealed class SignInUrlAnnouncer(IServer server, IHostApplicationLifetime lifetime, AccessTokens tokens) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var url = $"{address.TrimEnd('/')}/signin?token={Uri.EscapeDataString(tokens.OperatorToken)}";
        var origin = tokens.OperatorTokenWasGenerated
            ? "a token generated for this run; set RUNNER_CONSOLE_TOKEN to fix it"
            : "the token from RUNNER_CONSOLE_TOKEN";
        // Straight to stdout, not the logger: log sinks are often shipped elsewhere and must not carry the token.
        Console.Out.WriteLine();
        Console.Out.WriteLine("Runner Console is running. Sign in as operator with:");
        Console.Out.WriteLine($"    {url}");
        Console.Out.WriteLine($"  ({origin}.{(tokens.ViewerEnabled ? " Viewers sign in with RUNNER_CONSOLE_VIEWER_TOKEN." : string.Empty)})");
        Console.Out.WriteLine();
        Console.Out.Flush();
    }
}
