using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Operations;

/// <summary>
/// <c>install</c>: writes revision 1 (or the next after an uninstall with kept history) as
/// <c>pending-install</c>, applies phase by phase, waits, then marks it <c>deployed</c> or <c>failed</c>.
/// </summary>
public sealed class InstallOperation(OperationContext context)
{
    public async Task<OperationResult> RunAsync(ReleaseRequest request, OperationOptions options, IProgress<OperationEvent>? progress, CancellationToken cancellationToken)
    {
        var store = context.Store;
        // Independent reads at once (both usually prefetched while the values were rendered).
        var historyRead = context.HistoryAsync(request.Release, request.Namespace, cancellationToken);
        var namespaceRead = context.NamespaceExistsAsync(request.Namespace, cancellationToken);
        var history = await historyRead;
        context.Trace?.Mark("release history, namespace");
        if (history.Count > 0 && history[^1].Record.Status != ReleaseStatus.Uninstalled)
        {
            if (history[^1].Record.Status.IsPending())
            {
                throw ReleaseStore.InProgress(request.Release, history[^1]);
            }

            return Failed(request, $"cannot re-use a name that is still in use: release '{request.Release}' exists (revision {history[^1].Record.Version}, {history[^1].Record.Status.ToHelm()}); use upgrade");
        }

        var createdNamespace = await EnsureNamespaceAsync(request, await namespaceRead, cancellationToken);
        context.Trace?.Mark("namespace");
        var operation = options.Operation("install");
        var now = context.Now;
        var record = new ReleaseRecord
        {
            Name = request.Release,
            Namespace = request.Namespace,
            Version = history.Count == 0 ? 1 : history[^1].Record.Version + 1,
            Info = new ReleaseInfo { FirstDeployed = now, LastDeployed = now, Status = ReleaseStatus.PendingInstall, Description = OperationContext.Describe("Initial install underway", options), Notes = request.Notes },
            Chart = new ChartRecord { Metadata = request.Chart, Templates = request.Templates, Values = request.ChartValues ?? [] },
            Config = request.Config ?? [],
            Manifest = string.Empty,
            Hooks = [],
            ApplyMethod = ReleaseRecord.ServerSideApply,
        };

        var desired = await DesiredState.PrepareAsync(request.Desired, request.Release, request.Namespace, context.Cluster, cancellationToken);
        record = record with { Manifest = HelmManifest.JoinDocuments(HelmManifest.Documents(desired)) };
        context.Trace?.Mark("desired state, manifest");
        // In an existing namespace: which of our objects exist already, one list per kind, read while the lock is written.
        var present = createdNamespace ? null : PresentAsync(desired, request.Namespace, cancellationToken);
        await store.AcquireAsync(record, history, operation, cancellationToken);
        context.Trace?.Mark("pending record (lock)");
        progress?.Report(new ReleaseRecorded(context.Now, record.Version, record.Status, record.Info.Description!));

        var applier = context.Applier(progress);
        Plan? plan = null;
        try
        {
            // In a namespace this install just created nothing of ours can exist yet: no reads, no dry-runs.
            var existing = present is null ? null : await present;
            var hints = new PlanHints
            {
                KnownAbsent = createdNamespace
                    ? key => key.Namespace == request.Namespace && !CreatedWithNamespace(key)
                    : existing is null ? null : key => key.Namespace == request.Namespace && existing.TryGetValue((key.ApiVersion, key.Kind), out var names) && !names.Contains(key.Name),
            };
            plan = await new Planner(context.Cluster).PlanAsync(request.Release, request.Namespace, desired, [], options.PlanOptions, hints, cancellationToken);
            context.Trace?.Mark("plan");
            OperationContext.EnsureAllowed(plan, options);
            await applier.ApplyAsync(plan, options, cancellationToken);
            context.Trace?.Mark("apply");
            var health = options.Wait ? await applier.WaitAsync([.. desired.Select(d => d.Key)], options.Timeout, options.PollInterval, cancellationToken) : [];
            record = await context.RecordAsync(record, ReleaseStatus.Deployed, OperationContext.Describe("Install complete", options), operation, progress, cancellationToken);
            context.Trace?.Mark("deployed record");
            await store.PruneAsync(request.Release, request.Namespace, options.MaxHistory, ReleaseTransition.KnownHistory(history, record), cancellationToken);
            context.Trace?.Mark("history limit");
            progress?.Report(new OperationFinished(context.Now, true, $"installed {request.Release} revision {record.Version}"));
            return new OperationResult("install", request.Release, request.Namespace, true, $"release '{request.Release}' installed (revision {record.Version})")
            {
                Record = record,
                Plan = plan,
                Health = health,
            };
        }
        catch (Exception ex)
        {
            // Whatever went wrong (cancellation too), the pending revision must not stay the lock.
            var message = OperationContext.Reason(ex);
            record = await context.RecordFailureAsync(record, $"Release \"{request.Release}\" failed: {message}", operation, progress, ex);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            var rolledBack = false;
            if (options.Atomic)
            {
                // Helm's atomic install uninstalls: delete what we created (not what we adopted) and the history of this attempt.
                var created = plan?.Objects.Where(o => o.Action == PlanAction.Add).Select(o => (o.Key, false)).ToList() ?? [];
                await applier.PruneAsync(created, options, CancellationToken.None);
                await store.DeleteAsync(request.Release, request.Namespace, record.Version, CancellationToken.None);
                rolledBack = true;
                message += "; --atomic: the install was undone";
            }

            progress?.Report(new OperationFinished(context.Now, false, message));
            return new OperationResult("install", request.Release, request.Namespace, false, message) { Record = record, Plan = plan, RolledBack = rolledBack };
        }
    }

    /// <summary>Creates the namespace when it is missing (and allowed to); true when this call created it.</summary>
    private async Task<bool> EnsureNamespaceAsync(ReleaseRequest request, bool exists, CancellationToken cancellationToken)
    {
        if (exists)
        {
            return false;
        }

        if (!request.CreateNamespace)
        {
            throw new OperationFailedException($"namespace '{request.Namespace}' not found (use --create-namespace to create it)");
        }

        try
        {
            await context.Cluster.CreateAsync(
                KubeObjects.Namespace(request.Namespace),
                cancellationToken);
            return true;
        }
        catch (KubeApiException ex) when (ex.IsAlreadyExists)
        {
            // Someone created it since we looked: it may hold objects already.
            return false;
        }
    }

    /// <summary>
    /// The names of the desired kinds that already exist in <paramref name="ns"/>, one list request per kind, all at
    /// once: objects missing from them need no read or dry-run before they are created. Null when any list is refused
    /// or fails (e.g. RBAC that allows get but not list): then every object is read as usual.
    /// </summary>
    private async Task<Dictionary<(string ApiVersion, string Kind), IReadOnlySet<string>>?> PresentAsync(IReadOnlyList<Manifest> desired, string ns, CancellationToken cancellationToken)
    {
        var kinds = desired.Where(m => m.Namespace == ns).Select(m => (m.ApiVersion, m.Kind)).Distinct().ToList();
        try
        {
            var lists = await Task.WhenAll(kinds.Select(k => context.Cluster.ListNamesAsync(k.ApiVersion, k.Kind, ns, cancellationToken)));
            return kinds.Zip(lists).ToDictionary(pair => pair.First, pair => pair.Second);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a shortcut: without it every object is read before it is applied.
            return null;
        }
    }

    // What Kubernetes itself puts into every new namespace: still read, so taking one over needs --adopt as usual.
    private static bool CreatedWithNamespace(ObjectKey key) =>
        (key.Kind == "ServiceAccount" && key.Name == "default") || (key.Kind == "ConfigMap" && key.Name == "kube-root-ca.crt");

    private static OperationResult Failed(ReleaseRequest request, string message) =>
        new("install", request.Release, request.Namespace, false, message);
}
