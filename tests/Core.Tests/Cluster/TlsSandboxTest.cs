using RunnerConsole.Sandbox;

namespace RunnerConsole.Core.Tests.Cluster;

/// <summary>
/// The setting of the connection tests that hold our clients and kubectl to the same kubeconfig: a TLS sandbox (no
/// controllers) and a temporary folder for the kubeconfigs they write.
/// </summary>
public abstract class TlsSandboxTest(string folderPrefix, bool requireToken = false) : IAsyncLifetime
{
    private SandboxServer? _server;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string Dir { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;

    protected SandboxServer Server => _server!;

    public async ValueTask InitializeAsync() =>
        _server = await SandboxServer.StartAsync(new SandboxOptions { Tls = true, EnableControllers = false, RequireToken = requireToken }, Ct);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
