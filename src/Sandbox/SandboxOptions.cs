using RunnerConsole.Sandbox.Faults;

namespace RunnerConsole.Sandbox;

/// <summary>How a sandbox starts. Every property has a sensible default: <c>new SandboxOptions()</c> is a fresh, fast sandbox.</summary>
public sealed class SandboxOptions
{
    /// <summary>Loopback address to listen on (default 127.0.0.1).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Serve HTTPS (HTTP/1.1 and HTTP/2 by ALPN, as an API server does) with a CA and server certificate generated at
    /// start; the kubeconfig then names an <c>https://</c> server and carries the CA as <c>certificate-authority-data</c>.
    /// Default false: plain HTTP/1.1.
    /// </summary>
    public bool Tls { get; init; }

    /// <summary>Added to every request before it is handled (simulates a remote cluster).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>JSON file the store is loaded from at start (when it exists) and saved to on shutdown.</summary>
    public string? StatePath { get; init; }

    /// <summary>Bearer token written into the kubeconfig. Requests with any token, or none, are accepted unless <see cref="RequireToken"/>.</summary>
    public string Token { get; init; } = "sandbox-token";

    /// <summary>
    /// Answer a request without <c>Authorization: Bearer</c> <see cref="Token"/> with 401 Unauthorized, as an API server
    /// answers a credential it does not know (to test how a client's credentials reach the server: exec plugins, say).
    /// </summary>
    public bool RequireToken { get; init; }

    /// <summary>Clock for the simulated controllers and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long the simulated controllers take to converge a workload (default 50 ms).</summary>
    public TimeSpan ControllerDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Run the simulated controllers (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, Pods). Default true.</summary>
    public bool EnableControllers { get; init; } = true;

    /// <summary>Fault rules active from the start (more can be added through <see cref="SandboxServer.Faults"/>).</summary>
    public IReadOnlyList<FaultRule> Faults { get; init; } = [];
}
