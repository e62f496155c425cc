using System.Collections.Concurrent;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Operations;

/// <summary>What every verb works with: the cluster, the release store and a clock.</summary>
public sealed class OperationContext(IKubeCluster cluster, TimeProvider? time = null)
{
    public IKubeCluster Cluster { get; } = cluster;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public ReleaseStore Store => new(Cluster, Time);

    /// <summary>Opt-in timing trace (<see cref="OperationTrace"/>); null when not tracing.</summary>
    public OperationTrace? Trace { get; init; }

    private readonly ConcurrentDictionary<(string Release, string Namespace), Task<IReadOnlyList<StoredRelease>>> _history = new();
    private readonly ConcurrentDictionary<string, Task<bool>> _namespaces = new();

    /// <summary>
    /// Starts the reads a release verb begins with — the release history and, for one that may install
    /// (<paramref name="withNamespace"/>), whether the namespace exists — so they run while the caller renders. The next
    /// operation on <paramref name="release"/> uses them (once).
    /// </summary>
    public void Prefetch(string release, string ns, bool withNamespace, CancellationToken cancellationToken)
    {
        // Started from the thread pool: sending the first requests of a connection (and, in a fresh process, the code
        // that does it) then costs the caller nothing while it renders.
        _history[(release, ns)] = Task.Run(() => Store.HistoryAsync(release, ns, cancellationToken), cancellationToken);
        if (withNamespace)
        {
            _namespaces[ns] = Task.Run(() => ReadNamespaceAsync(ns, cancellationToken), cancellationToken);
        }
    }

    /// <summary>Hands a history just read to the next verb that would read it again (upgrade --install → install).</summary>
    internal void Reuse(string release, string ns, IReadOnlyList<StoredRelease> history) =>
        _history[(release, ns)] = Task.FromResult(history);

    /// <summary>The release history: the prefetched answer when there is one (used once), else read now.</summary>
    internal Task<IReadOnlyList<StoredRelease>> HistoryAsync(string release, string ns, CancellationToken cancellationToken) =>
        _history.TryRemove((release, ns), out var prefetched) ? prefetched : Store.HistoryAsync(release, ns, cancellationToken);

    /// <summary>Whether the namespace exists: the prefetched answer when there is one (used once), else read now.</summary>
    internal Task<bool> NamespaceExistsAsync(string ns, CancellationToken cancellationToken) =>
        _namespaces.TryRemove(ns, out var prefetched) ? prefetched : ReadNamespaceAsync(ns, cancellationToken);

    private async Task<bool> ReadNamespaceAsync(string ns, CancellationToken cancellationToken) =>
        await Cluster.GetAsync(new ObjectKey("v1", "Namespace", null, ns), cancellationToken) is not null;

    internal ObjectApplier Applier(IProgress<OperationEvent>? progress) => new(Cluster, Time, progress);

    internal DateTimeOffset Now => Time.GetUtcNow();

    internal async Task<IReadOnlyList<Manifest>> StoredObjectsAsync(ReleaseRecord? record, CancellationToken cancellationToken) =>
        record is null ? [] : await DesiredState.WithNamespaceAsync(HelmManifest.Parse(record.Manifest), record.Namespace, Cluster, cancellationToken);

    /// <summary>
    /// What the revisions being replaced applied, for pruning and planning. A stored document identical to a desired
    /// one needs no parsing (it is that object, applied exactly so); of the others only the identity is read. <c>Recorded</c>: desired
    /// objects that every one of <paramref name="revisions"/> holding them applied exactly as desired now;
    /// <c>Known</c>: desired objects that <paramref name="revisions"/> hold in any form.
    /// </summary>
    internal async Task<PreviousObjects> PreviousObjectsAsync(
        IReadOnlyList<ReleaseRecord> revisions, IReadOnlyList<Manifest> desired, IReadOnlyList<ManifestDocument> desiredDocuments, CancellationToken cancellationToken)
    {
        var byText = new Dictionary<string, (string Kind, string? Namespace, string Name)>(StringComparer.Ordinal);
        for (var i = 0; i < desired.Count; i++)
        {
            byText.TryAdd(desiredDocuments[i].Yaml, Planner.Identity(desired[i].Key));
        }

        var identical = new HashSet<(string Kind, string? Namespace, string Name)>();
        var changed = new List<Manifest>();
        foreach (var revision in revisions)
        {
            var other = new List<ManifestDocument>();
            foreach (var document in HelmManifest.Split(revision.Manifest))
            {
                if (byText.TryGetValue(document.Yaml, out var identity))
                {
                    identical.Add(identity);
                }
                else
                {
                    other.Add(document);
                }
            }

            if (other.Count > 0)
            {
                changed.AddRange(await DesiredState.WithNamespaceAsync(HelmManifest.ParseIdentities(other), revision.Namespace, Cluster, cancellationToken));
            }
        }

        var differing = changed.Select(m => Planner.Identity(m.Key)).ToHashSet();
        var recorded = identical.Where(i => !differing.Contains(i)).ToHashSet();
        return new PreviousObjects(changed, recorded, identical.Concat(differing).ToHashSet());
    }

    /// <summary>Writes a status change of a revision and reports it.</summary>
    internal async Task<ReleaseRecord> RecordAsync(ReleaseRecord record, ReleaseStatus status, string description, string operation, IProgress<OperationEvent>? progress, CancellationToken cancellationToken)
    {
        var updated = record.WithStatus(status, description);
        await Store.UpdateAsync(updated, operation, cancellationToken);
        progress?.Report(new ReleaseRecorded(Now, updated.Version, status, description));
        return updated;
    }

    /// <summary>
    /// Records a failed revision after <paramref name="cause"/>; when even that cannot be saved, the operation
    /// fails with both reasons (a lost release record is an error, never a log line).
    /// </summary>
    internal async Task<ReleaseRecord> RecordFailureAsync(ReleaseRecord record, string description, string operation, IProgress<OperationEvent>? progress, Exception cause)
    {
        try
        {
            return await RecordAsync(record, ReleaseStatus.Failed, description, operation, progress, CancellationToken.None);
        }
        catch (Exception saveError) when (saveError is not OperationCanceledException)
        {
            throw new OperationFailedException(
                $"{Reason(cause)}; and revision {record.Version} could not be marked failed ({Reason(saveError)}): it stays {record.Status.ToHelm()} until 'recover' is run", cause);
        }
    }

    /// <summary>The message of an engine error as the operator should read it.</summary>
    internal static string Reason(Exception ex) => ex switch
    {
        OperationCanceledException => "cancelled",
        HttpRequestException http => $"cluster unreachable: {http.Message}",
        _ => ex.Message,
    };

    /// <summary>Marks every other deployed revision superseded (there should be one; concurrent helm runs can leave more).</summary>
    internal async Task SupersedeOthersAsync(IReadOnlyList<StoredRelease> history, int keep, string operation, CancellationToken cancellationToken)
    {
        foreach (var other in history.Where(h => h.Record.Version != keep && h.Record.Status == ReleaseStatus.Deployed))
        {
            await Store.UpdateAsync(other.Record.WithStatus(ReleaseStatus.Superseded, other.Record.Info.Description ?? string.Empty), other.Operator ?? operation, cancellationToken);
        }
    }

    internal static string Describe(string text, OperationOptions options) =>
        options.Reason is null ? $"{text} by {options.Operator}" : $"{text} by {options.Operator}: {options.Reason}";

    /// <summary>Fails the plan when it holds objects the operator has not allowed us to take.</summary>
    internal static void EnsureAllowed(Plan plan, OperationOptions options)
    {
        var adopt = plan.Objects.Where(o => o.Action == PlanAction.NeedsAdopt && !options.Adopt).ToList();
        if (adopt.Count > 0)
        {
            throw new OperationFailedException(string.Join("; ", adopt.Select(o => o.Reason)) + " (re-run with --adopt to take it over)");
        }

        var conflicts = plan.Objects.Where(o => o.Action == PlanAction.Conflict && !options.ForceConflicts).ToList();
        if (conflicts.Count > 0)
        {
            throw new OperationFailedException(string.Join("; ", conflicts.Select(o =>
                $"{ObjectApplier.Name(o.Key)}: fields are owned by {string.Join(", ", o.ConflictManagers)}")) + " (re-run with --force-conflicts to take them)");
        }
    }
}

/// <summary>See <see cref="OperationContext.PreviousObjectsAsync"/>: objects to consider for removal, and what the record says of the desired ones.</summary>
internal sealed record PreviousObjects(
    IReadOnlyList<Manifest> Changed,
    IReadOnlySet<(string Kind, string? Namespace, string Name)> Recorded,
    IReadOnlySet<(string Kind, string? Namespace, string Name)> Known);
