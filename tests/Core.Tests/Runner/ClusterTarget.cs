using RunnerConsole.Core.Cluster;
using RunnerConsole.Sandbox;
using Testcontainers.K3s;

namespace RunnerConsole.Core.Tests.Runner;

/// <summary>
/// Where the runner lifecycle tests run: always the in-process sandbox; a real cluster when RUNNER_E2E_KUBECONFIG
/// names a kubeconfig; k3s in a container when a Docker engine answers. A target that is not available skips its
/// test with the reason printed.
/// </summary>
public sealed class ClusterTarget : IAsyncDisposable
{
    public const string RealClusterVariable = "RUNNER_E2E_KUBECONFIG";

    private readonly Func<ValueTask> _dispose;

    private ClusterTarget(string name, KubeCluster cluster, bool simulated, Func<ValueTask> dispose)
    {
        Name = name;
        Cluster = cluster;
        Simulated = simulated;
        _dispose = dispose;
    }

    public string Name { get; }

    public KubeCluster Cluster { get; }

    /// <summary>The sandbox converges workloads by itself; a real cluster needs pullable images to get ready.</summary>
    public bool Simulated { get; }

    public async ValueTask DisposeAsync()
    {
        Cluster.Dispose();
        await _dispose();
    }

    public static async Task<ClusterTarget> StartAsync(string target)
    {
        switch (target)
        {
            case "sandbox":
            {
                var server = await SandboxServer.StartAsync(new SandboxOptions { ControllerDelay = TimeSpan.FromMilliseconds(20) });
                var dir = Directory.CreateTempSubdirectory("lifecycle-").FullName;
                var path = server.WriteKubeconfig(Path.Combine(dir, "kubeconfig"));
                var cluster = KubeCluster.FromKubeconfig(path, SandboxServer.ContextName);
                return new ClusterTarget("sandbox", cluster, simulated: true, async () =>
                {
                    await server.DisposeAsync();
                    Directory.Delete(dir, recursive: true);
                });
            }

            case "kubeconfig":
            {
                var path = Environment.GetEnvironmentVariable(RealClusterVariable);
                if (string.IsNullOrEmpty(path))
                {
                    Assert.Skip($"{RealClusterVariable} is not set: no real cluster to run against");
                }

                return new ClusterTarget("kubeconfig", KubeCluster.FromKubeconfig(path, context: null), simulated: false, () => ValueTask.CompletedTask);
            }

            case "k3s":
            {
                if (!DockerAnswers(out var why))
                {
                    Assert.Skip($"k3s via Testcontainers skipped: {why}");
                }

                var container = new K3sBuilder("rancher/k3s:v1.35.0-k3s1").Build();
                await container.StartAsync();
                var dir = Directory.CreateTempSubdirectory("lifecycle-k3s-").FullName;
                var path = Path.Combine(dir, "kubeconfig");
                await File.WriteAllTextAsync(path, await container.GetKubeconfigAsync());
                return new ClusterTarget("k3s", KubeCluster.FromKubeconfig(path, context: null), simulated: false, async () =>
                {
                    await container.DisposeAsync();
                    Directory.Delete(dir, recursive: true);
                });
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "unknown target");
        }
    }

    // Testcontainers needs a Docker engine; look for its socket (or DOCKER_HOST) instead of letting it time out.
    private static bool DockerAnswers(out string why)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host))
        {
            why = string.Empty;
            return true;
        }

        if (File.Exists("/var/run/docker.sock"))
        {
            try
            {
                using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint("/var/run/docker.sock"));
                why = string.Empty;
                return true;
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                why = $"no Docker engine answers on /var/run/docker.sock ({ex.SocketErrorCode})";
                return false;
            }
        }

        why = "no Docker engine (DOCKER_HOST unset, /var/run/docker.sock absent)";
        return false;
    }
}
