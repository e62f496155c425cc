using System.Net;
using System.Net.Sockets;

namespace RunnerConsole.Sandbox.Tooling;

/// <summary>Loopback ports for tests of what clients do when nothing answers.</summary>
public static class LoopbackPorts
{
    /// <summary>A port that was free a moment ago and has nothing listening on it: connecting to it is refused.</summary>
    public static int Unused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
