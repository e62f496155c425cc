namespace RunnerConsole.Core.Values;

/// <summary><c>registryTls.*</c>: the TLS key pair of the in-namespace tool registry.</summary>
public sealed record RegistryTlsValues
{
    /// <summary>Existing <c>kubernetes.io/tls</c> Secret; empty means a fresh self-signed pair per install (never a fixed one).</summary>
    public string ExistingSecret { get; init; } = "";
}
