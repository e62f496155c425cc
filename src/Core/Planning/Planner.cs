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

    /// <summary>Objects read and dry-run at once (see <see cref="Operations.OperationOptions.Parallelism"/>).</summary>
    public int Parallelism { get; init; } = 64;
}

/// <summary>
/// What the caller already knows, so planning can skip requests. Without hints every object is read, and every
/// existing owned object is dry-run (the exact server view <c>diff</c> shows).
/// </summary>
public sealed record PlanHints
{
    /// <summary>Objects that cannot exist yet (their namespace was just created by this operation): added without a read.</summary>
    public Func<ObjectKey, bool>? KnownAbsent { get; init; }

    /// <summary>
    /// Objects (kind, namespace, name) that every revision being replaced applied exactly as desired now. One that is
    /// owned and whose live state still holds every desired field is unchanged without a dry-run.
    /// </summary>
    public IReadOnlySet<(string Kind, string? Namespace, string Name)>? Recorded { get; init; }

    /// <summary>
    /// Objects (kind, namespace, name) expected to exist and be owned (they are in the current revision): their dry-run
    /// is sent together with the read instead of after it. Its answer is used only when the read confirms ownership.
    /// </summary>
    public IReadOnlySet<(string Kind, string? Namespace, string Name)>? ExpectedOwned { get; init; }
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
    public Task<Plan> PlanAsync(
        string release, string ns, IReadOnlyList<Manifest> desired, IReadOnlyList<Manifest> previous, PlanOptions options, CancellationToken cancellationToken) =>
        PlanAsync(release, ns, desired, previous, options, new PlanHints(), cancellationToken);

    /// <summary>As above, skipping the requests <paramref name="hints"/> make unnecessary.</summary>
    public async Task<Plan> PlanAsync(
        string release, string ns, IReadOnlyList<Manifest> desired, IReadOnlyList<Manifest> previous, PlanOptions options, PlanHints hints, CancellationToken cancellationToken)
    {
        var wanted = desired.Select(m => Identity(m.Key)).ToHashSet();
        var gone = previous.Where(m => !wanted.Contains(Identity(m.Key))).DistinctBy(m => Identity(m.Key)).ToList();
        var parallelism = Math.Max(1, options.Parallelism);
        var planned = new ObjectPlan[desired.Count];
        var removals = new ObjectPlan?[gone.Count];
        // Desired objects and objects to remove share one bounded pool: their reads are independent.
        var work = desired.Select((manifest, i) => (Func<Task>)(async () => planned[i] = await PlanOneAsync(release, ns, manifest, options, hints, cancellationToken)))
            .Concat(gone.Select((old, i) => (Func<Task>)(async () => removals[i] = await PlanRemovalAsync(release, ns, old, cancellationToken))));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (item, _) => await item());

        var ordered = ApplyPhases.Sort(planned, p => p.Key.Kind)
            .Concat(ApplyPhases.ForPrune(removals.OfType<ObjectPlan>(), p => p.Key.Kind).SelectMany(p => p.Items));
        return new Plan(release, ns, [.. ordered]);
    }

    private async Task<ObjectPlan?> PlanRemovalAsync(string release, string ns, Manifest old, CancellationToken cancellationToken)
    {
        var live = await cluster.GetAsync(old.Key, cancellationToken);
        var metadata = live?["metadata"] as JsonObject;
        // Never delete what another release has taken over since.
        return live is not null && HelmOwnership.Check(ObjectComparison.StringMap(metadata?["labels"]), ObjectComparison.StringMap(metadata?["annotations"]), release, ns) != OwnershipState.OtherRelease
            ? ObjectComparison.ForRemoval(old.Key, live)
            : null;
    }

    private async Task<ObjectPlan> PlanOneAsync(string release, string ns, Manifest manifest, PlanOptions options, PlanHints hints, CancellationToken cancellationToken)
    {
        if (hints.KnownAbsent?.Invoke(manifest.Key) == true)
        {
            return ObjectComparison.ForDesired(manifest, null, null, release, ns);
        }

        var identity = Identity(manifest.Key);
        // The dry-run an owned object will need, sent alongside the read (only for objects expected to be owned).
        var speculative = hints.ExpectedOwned?.Contains(identity) == true
            ? DryRunAsync(manifest, force: options.ForceConflicts, options, cancellationToken)
            : null;
        try
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

            if (ownership == OwnershipState.Owned && hints.Recorded?.Contains(identity) == true
                && ObjectComparison.LiveSatisfies(DesiredState.JsonOf(manifest), live))
            {
                return ObjectComparison.ForUnchanged(manifest, live);
            }

            var dryRun = ownership == OwnershipState.Owned && speculative is not null
                ? speculative
                : DryRunAsync(manifest, force: options.ForceConflicts || ownership != OwnershipState.Owned, options, cancellationToken);
            speculative = null;
            var (predicted, conflict) = await dryRun;
            return conflict is null
                ? ObjectComparison.ForDesired(manifest, live, predicted, release, ns, adopt: options.Adopt)
                : ObjectComparison.ForDesired(manifest, live, null, release, ns, conflict.ConflictManagers.Count > 0 ? conflict.ConflictManagers : ["unknown"], conflict.ServerMessage, options.Adopt);
        }
        finally
        {
            if (speculative is not null)
            {
                // Not needed after all (absent, or not ours): wait for it so no request outlives the plan; its answer is dropped.
                try
                {
                    await speculative;
                }
                catch (Exception ex) when (ex is KubeApiException or HttpRequestException or TimeoutException)
                {
                    // Dropped with its answer.
                }
            }
        }
    }

    private async Task<(JsonObject? Predicted, KubeApiException? Conflict)> DryRunAsync(Manifest manifest, bool force, PlanOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var predicted = await cluster.ApplyAsync(
                DesiredState.JsonOf(manifest),
                new ApplyOptions { DryRun = true, Force = force, FieldManager = options.FieldManager },
                cancellationToken);
            return (predicted, null);
        }
        catch (KubeApiException ex) when (ex.IsApplyConflict)
        {
            return (null, ex);
        }
    }

    /// <summary>Kind, namespace and name: a change of API version is the same object.</summary>
    internal static (string Kind, string? Namespace, string Name) Identity(ObjectKey key) => (key.Kind, key.Namespace, key.Name);
}
