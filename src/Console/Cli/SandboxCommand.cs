using System.ComponentModel;
using System.Globalization;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Faults;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console sandbox</c>: runs the in-memory Kubernetes API server (a simulated cluster) until Ctrl+C.</summary>
public sealed class SandboxCommand : AsyncCommand<SandboxCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--listen <ADDRESS>")]
        [Description("Loopback address and port to listen on, e.g. 127.0.0.1:6443. Default: 127.0.0.1 with a free port.")]
        public string? Listen { get; init; }

        [CommandOption("--kubeconfig-out <FILE>")]
        [Description("Write a kubeconfig for the sandbox (context 'sandbox', bearer token) to FILE once it is serving.")]
        public string? KubeconfigOut { get; init; }

        [CommandOption("--tls")]
        [Description("Serve HTTPS (HTTP/1.1 and HTTP/2, as an API server does) with a CA and server certificate generated at start. "
            + "The kubeconfig (--kubeconfig-out) names the https:// address and carries the CA as certificate-authority-data.")]
        public bool Tls { get; init; }

        [CommandOption("--require-token")]
        [Description("Answer requests without the kubeconfig's bearer token with 401 Unauthorized, as an API server answers an unknown credential "
            + "(to try a kubeconfig user's exec plugin or token against it). Default: any token, or none, is accepted.")]
        public bool RequireToken { get; init; }

        [CommandOption("--state <FILE>")]
        [Description("Load the stored objects from FILE at start (when it exists) and save them there on shutdown (JSON).")]
        public string? State { get; init; }

        [CommandOption("--latency <MS>")]
        [Description("Milliseconds added to every request, to feel like a remote cluster. Default: 0.")]
        public int? Latency { get; init; }

        [CommandOption("--controller-delay <MS>")]
        [Description("Milliseconds the simulated controllers take to roll out a workload. Default: 50.")]
        public int? ControllerDelay { get; init; }

        [CommandOption("--fault <RULE>")]
        [Description("Inject a fault (repeatable). RULE is comma-separated key=value: verb (get, list, watch, create, update, patch, "
            + "delete, deletecollection, write, read), resource (plural, e.g. deployments), namespace, name, nth (only the nth match), "
            + "times (at most that often), retry-after (seconds, for 429), message, and action = 500|503|429|403|409|<code>|drop|hang. "
            + "Example: --fault verb=write,resource=deployments,nth=3,action=503")]
        public string[] Faults { get; init; } = [];

        public override Spectre.Console.ValidationResult Validate()
        {
            if (Listen is not null && !TryParseListen(Listen, out _, out _))
            {
                return Spectre.Console.ValidationResult.Error($"--listen: expected HOST:PORT on a loopback address, got '{Listen}'");
            }

            if (Latency is < 0 || ControllerDelay is < 0)
            {
                return Spectre.Console.ValidationResult.Error("--latency and --controller-delay must not be negative");
            }

            foreach (var f in Faults)
            {
                try
                {
                    FaultRule.Parse(f);
                }
                catch (FormatException ex)
                {
                    return Spectre.Console.ValidationResult.Error($"--fault: {ex.Message}");
                }
            }

            return Spectre.Console.ValidationResult.Success();
        }
    }

    internal static bool TryParseListen(string text, out string host, out int port)
    {
        host = "127.0.0.1";
        port = 0;
        var colon = text.LastIndexOf(':');
        var h = colon >= 0 ? text[..colon] : text;
        var p = colon >= 0 ? text[(colon + 1)..] : "0";
        if (h.Length > 0)
        {
            host = h.Trim('[', ']');
        }

        if (host == "localhost")
        {
            host = "127.0.0.1";
        }

        return int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535
            && System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (CliInput.RejectLeftovers(context) is { } usage)
        {
            return usage;
        }

        var host = "127.0.0.1";
        var port = 0;
        if (settings.Listen is not null)
        {
            TryParseListen(settings.Listen, out host, out port);
        }

        if (settings.RequireToken && !settings.Tls)
        {
            CliErrors.Write("--require-token needs --tls: kubectl, helm and runner-console send credentials only over TLS");
            return ExitCodes.Usage;
        }

        var options = new SandboxOptions
        {
            Host = host,
            Port = port,
            StatePath = settings.State,
            Tls = settings.Tls,
            RequireToken = settings.RequireToken,
            Latency = TimeSpan.FromMilliseconds(settings.Latency ?? 0),
            ControllerDelay = TimeSpan.FromMilliseconds(settings.ControllerDelay ?? 50),
            Faults = settings.Faults.Select(FaultRule.Parse).ToList(),
        };
        await using var sandbox = await SandboxServer.StartAsync(options, cancellationToken);
        if (settings.KubeconfigOut is { } kubeconfig)
        {
            var written = sandbox.WriteKubeconfig(kubeconfig);
            Console.Error.WriteLine($"kubeconfig written to {written} (context '{SandboxServer.ContextName}')");
        }
        else if (sandbox.Tls)
        {
            Console.Error.WriteLine("The certificate is generated at start and trusted by no one: use --kubeconfig-out FILE for a kubeconfig that carries its CA.");
        }

        Console.Error.WriteLine($"Sandbox (simulated cluster, Kubernetes {SandboxServer.KubernetesVersion}) serving {(sandbox.Tls ? "HTTPS (HTTP/1.1, HTTP/2)" : "HTTP")}; Ctrl+C to stop.");
        if (options.Faults.Count > 0)
        {
            Console.Error.WriteLine($"{options.Faults.Count} fault rule(s) active.");
        }

        Console.WriteLine(sandbox.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C
        }

        return ExitCodes.Ok;
    }
}
