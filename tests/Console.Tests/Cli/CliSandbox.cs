using RunnerConsole.Sandbox;

namespace RunnerConsole.Console.Tests.Cli;

/// <summary>The setting of a CLI test: a temporary folder, and an in-process sandbox whose kubeconfig is written there.</summary>
internal sealed class CliSandbox : IAsyncDisposable
{
    private CliSandbox(string dir, SandboxServer server)
    {
        Dir = dir;
        Server = server;
        Kubeconfig = server.WriteKubeconfig(Path.Combine(dir, "kubeconfig"));
    }

    public string Dir { get; }

    public SandboxServer Server { get; }

    public string Kubeconfig { get; }

    public static async Task<CliSandbox> StartAsync(string folderPrefix)
    {
        var dir = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        var server = await SandboxServer.StartAsync(new SandboxOptions { ControllerDelay = TimeSpan.FromMilliseconds(20) });
        return new CliSandbox(dir, server);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Dir, recursive: true);
    }
}
