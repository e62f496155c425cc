using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary><c>registryTls.*</c>: the TLS key pair of the in-namespace tool registry.</summary>
public sealed record RegistryTlsValues
{
    [Description("Existing `kubernetes.io/tls` Secret; empty means a fresh self-signed pair per install (never a fixed one).")]
    public string ExistingSecret { get; init; } = "";
}
