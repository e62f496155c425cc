using RunnerConsole.Sandbox;

namespace RunnerConsole.Hosting;

/// <summary>
/// The built-in simulated cluster: an in-process sandbox API server, started on first use (or at start with
/// <c>--sandbox</c>), so someone without a cluster can walk the whole flow. Clearly labelled as simulated in the UI.
/// </summary>
public sealed class SandboxHost(ILogger<SandboxHost> logger) : IAsyncDisposable
{
    public const string ContextName = "sandbox";
    public const string Label = "Sandbox — simulated cluster";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _dir = Directory.CreateTempSubdirectory("runner-console-sandbox-").FullName;
    private SandboxServer? _server;

    public string KubeconfigPath => Path.Combine(_dir, "kubeconfig");

    public bool IsRunning => _server is not null;

    /// <summary>Starts the sandbox once; later calls return at once. Returns the kubeconfig written for it.</summary>
    public async Task<string> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            return KubeconfigPath;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_server is null)
            {
                var server = await SandboxServer.StartAsync(new SandboxOptions(), cancellationToken);
                server.WriteKubeconfig(KubeconfigPath);
                _server = server;
                logger.LogInformation("Sandbox (simulated cluster) serving at {Address}", server.BaseAddress);
            }
        }
        finally
        {
            _gate.Release();
        }

        return KubeconfigPath;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing shutdown over it is not.
        }
    }
}
