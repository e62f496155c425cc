using RunnerConsole.Cli;
using RunnerConsole.Sandbox;

namespace RunnerConsole.Console.Tests.Cli;

/// <summary>
/// Which certificate authorities the CLI trusts, as kubectl decides it: the kubeconfig's CA alone when it names one,
/// the system's when it does not. The system store is set per process with <c>SSL_CERT_FILE</c> (read by .NET and Go
/// alike), so these run the CLI as a process.
/// </summary>
public sealed class ServerTrustCliTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("server-trust-").FullName;
    private SandboxServer? _server;
    private SandboxServer? _other;

    private SandboxServer Server => _server!;

    public async ValueTask InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false });
        _other = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false });
    }

    public async ValueTask DisposeAsync()
    {
        await _server!.DisposeAsync();
        await _other!.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task KubeconfigNamesACa_AServerTheSystemTrustsButThatCaDidNotSign_IsRefused()
    {
        // The kubeconfig carries another CA; the machine's store trusts the server's own CA (a public CA, in life).
        var kubeconfig = Write("other-ca", _other!.Kubeconfig().Replace(Authority(_other), Authority(Server), StringComparison.Ordinal));

        var result = await History(kubeconfig, systemTrustsServer: true);

        Assert.Equal(ExitCodes.ClusterError, result.ExitCode);
        Assert.Contains(
            $"error: TLS handshake with {Server.BaseAddress.Authority} failed: the server's certificate is signed by another CA than this cluster's certificate-authority in the kubeconfig",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(Server.Log.Entries);
    }

    [Fact]
    public async Task KubeconfigNamesNoCa_TheSystemStoreDecides()
    {
        var kubeconfig = Write("no-ca", string.Join('\n', Server.Kubeconfig().Split('\n').Where(l => !l.TrimStart().StartsWith("certificate-authority-data:", StringComparison.Ordinal))));

        var trusted = await History(kubeconfig, systemTrustsServer: true);
        Assert.Equal(ExitCodes.ClusterError, trusted.ExitCode);
        Assert.Contains("release 'absent' not found", trusted.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(Server.Log.Entries);

        var untrusted = await History(kubeconfig, systemTrustsServer: false);
        Assert.Equal(ExitCodes.ClusterError, untrusted.ExitCode);
        Assert.Contains(
            "the server's certificate, issued by CN=runner-console sandbox CA, O=runner-console, is not trusted by this machine, and the kubeconfig names no certificate-authority for this cluster",
            untrusted.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheKubeconfigsOwnCa_IsTrusted_WhateverTheSystemStore()
    {
        var kubeconfig = Write("own-ca", Server.Kubeconfig());

        var result = await History(kubeconfig, systemTrustsServer: false);

        Assert.Contains("release 'absent' not found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxRequireToken_WithoutTls_IsRefused_NoClientWouldSendTheToken()
    {
        var run = await CliProcess.RunAsync(_dir, "sandbox", "--require-token");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("error: --require-token needs --tls: kubectl, helm and runner-console send credentials only over TLS\n", run.Stderr);
    }

    private Task<CliProcess.Result> History(string kubeconfig, bool systemTrustsServer)
    {
        // An empty store, or one holding only the server's CA; no certificate directory either way.
        var store = Path.Combine(_dir, systemTrustsServer ? "server-ca.pem" : "empty.pem");
        File.WriteAllText(store, systemTrustsServer ? Server.CertificateAuthorityPem! : string.Empty);
        var environment = new Dictionary<string, string?>
        {
            ["SSL_CERT_FILE"] = store,
            ["SSL_CERT_DIR"] = Directory.CreateDirectory(Path.Combine(_dir, "no-certs")).FullName,
            ["RUNNER_CONSOLE_JIT_PROFILE"] = "0",
        };
        return CliProcess.RunAsync(_dir, environment, "history", "absent", "-n", "kubiya", "--kubeconfig", kubeconfig);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Authority(SandboxServer server) => server.BaseAddress.GetLeftPart(UriPartial.Authority);
}
