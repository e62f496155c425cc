using System.Text.Json.Nodes;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Planning;

/// <summary>Decisions the operator takes explicitly before planning.</summary>
public sealed record PlanOptions
{
    /// <summary>Take over existing objects that no release owns.</summary>
    public bool Adopt { get; init; }

    /// <summary>Take ownership of fields other field managers own.</summary>
    public bool ForceConflicts { get; init; }

    /// <summary>Server-side apply field manager (see <see cref="ApplyOptions.DefaultFieldManager"/>).</summary>
    public string FieldManager { get; init; } = ApplyOptions.DefaultFieldManager;

    /// <summary>Objects read and dry-run at once.</summary>
    public int Parallelism { get; init; } = 8;
}

/// <summary>
/// Desired state against the live cluster. "Would this change anything?" is answered by a
/// server-side dry-run of the very apply that would be sent, so defaulting, admission and other
/// managers' fields count exactly as the server will count them.
/// </summary>
public sealed class Planner(IKubeCluster cluster)
{
    /// <summary>
    /// Plans <c>desired</c> (prepared by <see cref="DesiredState.PrepareAsync"/>) against the cluster; objects of
    /// <c>previous</c> (the last revision's, namespaces filled in) that are no longer desired are planned as removals.
    /// </summary>
    public async Task<Plan> PlanAsync(
        string release, string ns, IReadOnlyList<Manifest> desired, IReadOnlyList<Manifest> previous, PlanOptions options, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        var planned = await Task.WhenAll(desired.Select(async manifest =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await PlanOneAsync(release, ns, manifest, options, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));

        var wanted = desired.Select(m => Identity(m.Key)).ToHashSet();
        var removals = new List<ObjectPlan>();
        foreach (var old in previous.Where(m => !wanted.Contains(Identity(m.Key))).DistinctBy(m => Identity(m.Key)))
        {
            var live = await cluster.GetAsync(old.Key, cancellationToken);
            var metadata = live?["metadata"] as JsonObject;
            // Never delete what another release has taken over since.
            if (live is not null && HelmOwnership.Check(ObjectComparison.StringMap(metadata?["labels"]), ObjectComparison.StringMap(metadata?["annotations"]), release, ns) != OwnershipState.OtherRelease)
            {
                removals.Add(ObjectComparison.ForRemoval(old.Key, live));
            }
        }

        var ordered = ApplyPhases.Sort(planned, p => p.Key.Kind)
            .Concat(ApplyPhases.ForPrune(removals, p => p.Key.Kind).SelectMany(p => p.Items));
        return new Plan(release, ns, [.. ordered]);
    }

    private async Task<ObjectPlan> PlanOneAsync(string release, string ns, Manifest manifest, PlanOptions options, CancellationToken cancellationToken)
    {
        var live = await cluster.GetAsync(manifest.Key, cancellationToken);
        if (live is null)
        {
            return ObjectComparison.ForDesired(manifest, null, null, release, ns);
        }

        var metadata = live["metadata"] as JsonObject;
        var ownership = HelmOwnership.Check(
            ObjectComparison.StringMap(metadata?["labels"]), ObjectComparison.StringMap(metadata?["annotations"]), release, ns);
        if (ownership != OwnershipState.Owned && !options.Adopt)
        {
            return ObjectComparison.ForDesired(manifest, live, null, release, ns);
        }

        try
        {
            var predicted = await cluster.ApplyAsync(
                KubeObjects.ToJson(manifest.Object),
                new ApplyOptions { DryRun = true, Force = options.ForceConflicts || ownership != OwnershipState.Owned, FieldManager = options.FieldManager },
                cancellationToken);
            return ObjectComparison.ForDesired(manifest, live, predicted, release, ns, adopt: options.Adopt);
        }
        catch (KubeApiException ex) when (ex.IsApplyConflict)
        {
            return ObjectComparison.ForDesired(manifest, live, null, release, ns, ex.ConflictManagers.Count > 0 ? ex.ConflictManagers : ["unknown"], ex.ServerMessage, options.Adopt);
        }
    }

    /// <summary>Kind, namespace and name: a change of API version is the same object.</summary>
    internal static (string Kind, string? Namespace, string Name) Identity(ObjectKey key) => (key.Kind, key.Namespace, key.Name);
}
