using RunnerConsole.Model.Clusters;

namespace RunnerConsole.Console.Tests.Install;

/// <summary>An in-memory cluster directory: the sandbox, a reachable staging context and one that never answers.</summary>
public sealed class TestClusterDirectory : IClusterDirectory
{
    public const string Sandbox = "sandbox";
    public const string Staging = "staging";
    public const string Offline = "offline";
    public const string Broken = "broken";

    public IReadOnlyList<NamespaceInfo> Namespaces { get; init; } =
    [
        new("kubiya", AllowsPrivilegedPods: true, "privileged"),
        new("locked", AllowsPrivilegedPods: false, "restricted"),
    ];

    public IReadOnlyList<string> SecretNames { get; init; } = ["nats-creds", "prometheus-auth"];

    public IReadOnlyList<ClusterChoice> List() =>
    [
        new(Sandbox, "Sandbox — simulated cluster", IsSandbox: true, "http://127.0.0.1:0", IsCurrent: true),
        new(Staging, "staging", IsSandbox: false, "https://staging.example:6443", IsCurrent: false),
        new(Offline, "offline", IsSandbox: false, "https://offline.example:6443", IsCurrent: false),
        new(Broken, "broken", IsSandbox: false, "https://broken.example:6443", IsCurrent: false),
    ];

    public Task<ClusterConnectionCheck> CheckAsync(string context, CancellationToken cancellationToken) => context switch
    {
        Offline => Task.FromResult(new ClusterConnectionCheck(false, null, "connection refused")),
        Broken => throw new HttpRequestException("token=s3cr3t-token rejected by https://broken.example:6443"),
        _ => Task.FromResult(new ClusterConnectionCheck(true, "v1.35.0", null)),
    };

    public Task<IReadOnlyList<NamespaceInfo>> ListNamespacesAsync(string context, CancellationToken cancellationToken) =>
        Task.FromResult(Namespaces);

    public Task<IReadOnlyList<string>> ListSecretNamesAsync(string context, string @namespace, CancellationToken cancellationToken) =>
        Task.FromResult(SecretNames);
}
