using System.Collections.Concurrent;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Hosting;

namespace RunnerConsole.Model.Operate;

/// <summary>
/// One <see cref="OperationContext"/> per cluster context, created on first use and shared: the engine's cluster
/// adapter is thread-safe, and operations started by any circuit must outlive it.
/// </summary>
public sealed class ClusterSessions(ClusterDirectory directory, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(KubeCluster Cluster, OperationContext Context)>>> _sessions = new(StringComparer.Ordinal);

    /// <summary>The engine's context for <paramref name="context"/> (a kubeconfig context or the sandbox).</summary>
    public async Task<OperationContext> GetAsync(string context, CancellationToken cancellationToken)
    {
        var lazy = _sessions.GetOrAdd(context, c => new Lazy<Task<(KubeCluster, OperationContext)>>(() => CreateAsync(c)));
        try
        {
            return (await lazy.Value.WaitAsync(cancellationToken)).Context;
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed connection attempt is not cached: the next call tries again.
            _sessions.TryRemove(new KeyValuePair<string, Lazy<Task<(KubeCluster, OperationContext)>>>(context, lazy));
            throw;
        }
    }

    /// <summary>Context names the console offers, the current one first.</summary>
    public IReadOnlyList<string> Contexts() => [.. directory.List().Select(c => c.Context)];

    public void Dispose()
    {
        foreach (var session in _sessions.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            session.Value.Result.Cluster.Dispose();
        }
    }

    private async Task<(KubeCluster, OperationContext)> CreateAsync(string context)
    {
        var (path, name) = await directory.ResolveAsync(context, CancellationToken.None);
        var cluster = KubeCluster.FromKubeconfig(path, name, new KubeClusterOptions { Time = time });
        return (cluster, new OperationContext(cluster, time));
    }
}
