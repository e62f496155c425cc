using RunnerConsole.Core.Cluster;

namespace RunnerConsole.Hosting;

/// <summary>Which kubeconfig file the console reads: the <c>--kubeconfig</c> option, else kubectl's default.</summary>
public sealed class KubeconfigLocation(string? explicitPath)
{
    public string Path { get; } = explicitPath ?? KubeconfigContexts.DefaultPath(Environment.GetEnvironmentVariable);
}
