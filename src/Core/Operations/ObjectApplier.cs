using System.Collections.Concurrent;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Operations;

/// <summary>Phased apply, reverse-phased prune, and the readiness wait, with progress events.</summary>
internal sealed class ObjectApplier(IKubeCluster cluster, TimeProvider time, IProgress<OperationEvent>? progress)
{
    /// <summary>Applies every object of the plan that changes, phase by phase; objects within a phase in parallel.</summary>
    public async Task ApplyAsync(Plan plan, OperationOptions options, CancellationToken cancellationToken)
    {
        var toApply = plan.Objects.Where(o => o.Action is PlanAction.Add or PlanAction.Change or PlanAction.NeedsAdopt or PlanAction.Conflict).ToList();
        await ApplyObjectsAsync(toApply, options, cancellationToken);
    }

    public async Task ApplyObjectsAsync(IReadOnlyList<ObjectPlan> objects, OperationOptions options, CancellationToken cancellationToken)
    {
        foreach (var (phase, items) in ApplyPhases.ForApply(objects, o => o.Key.Kind))
        {
            Report(new StepStarted(time.GetUtcNow(), $"apply {phase.ToString().ToLowerInvariant()}", items.Count));
            await ForEachAsync(items, options.Parallelism, async item =>
            {
                var force = options.ForceConflicts || item.Action == PlanAction.NeedsAdopt || item.Adopting;
                try
                {
                    await cluster.ApplyAsync(DesiredState.JsonOf(item.Desired!), new ApplyOptions { Force = force, FieldManager = options.FieldManager }, cancellationToken);
                }
                catch (KubeApiException ex)
                {
                    Report(new ObjectFailed(time.GetUtcNow(), item.Key, Describe(ex)));
                    throw new OperationFailedException($"{Name(item.Key)}: {Describe(ex)}", ex);
                }

                Report(new ObjectApplied(time.GetUtcNow(), item.Key, item.Action));
            }, cancellationToken);
        }
    }

    /// <summary>Deletes objects in reverse phase order; objects annotated <c>helm.sh/resource-policy: keep</c> stay.</summary>
    public async Task PruneAsync(IReadOnlyList<(ObjectKey Key, bool Kept)> objects, OperationOptions options, CancellationToken cancellationToken)
    {
        foreach (var (phase, items) in ApplyPhases.ForPrune(objects, o => o.Key.Kind))
        {
            Report(new StepStarted(time.GetUtcNow(), $"prune {phase.ToString().ToLowerInvariant()}", items.Count));
            await ForEachAsync(items, options.Parallelism, async item =>
            {
                if (!item.Kept)
                {
                    try
                    {
                        await cluster.DeleteAsync(item.Key, cancellationToken);
                    }
                    catch (KubeApiException ex)
                    {
                        Report(new ObjectFailed(time.GetUtcNow(), item.Key, Describe(ex)));
                        throw new OperationFailedException($"{Name(item.Key)}: {Describe(ex)}", ex);
                    }
                }

                Report(new ObjectPruned(time.GetUtcNow(), item.Key, item.Kept));
            }, cancellationToken);
        }
    }

    /// <summary>
    /// Polls until every waited-on object is ready, one fails for good, or <paramref name="timeout"/> passes.
    /// Returns the last health of each; throws <see cref="OperationFailedException"/> naming what is not ready and why.
    /// </summary>
    public async Task<IReadOnlyList<ObjectHealth>> WaitAsync(IReadOnlyList<ObjectKey> keys, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
    {
        var watched = keys.Where(k => Readiness.IsWaitedOn(k.Kind)).ToList();
        if (watched.Count == 0)
        {
            return [];
        }

        Report(new StepStarted(time.GetUtcNow(), "wait", watched.Count));
        var deadline = time.GetUtcNow() + timeout;
        var last = new ConcurrentDictionary<ObjectKey, ObjectHealth>();
        var reported = new ConcurrentDictionary<ObjectKey, string>();
        while (true)
        {
            var pending = watched.Where(k => !(last.TryGetValue(k, out var h) && h.IsReady)).ToList();
            foreach (var key in pending)
            {
                var health = await HealthAsync(key, withPods: false, cancellationToken);
                if (!health.IsReady)
                {
                    health = await HealthAsync(key, withPods: true, cancellationToken);
                }

                last[key] = health;
                if (health.IsReady)
                {
                    Report(new ObjectReady(time.GetUtcNow(), health));
                }
                else if (!reported.TryGetValue(key, out var previous) || previous != health.Summary)
                {
                    reported[key] = health.Summary;
                    Report(new WaitingFor(time.GetUtcNow(), health));
                }
            }

            var healths = watched.Select(k => last[k]).ToList();
            if (healths.All(h => h.IsReady))
            {
                return healths;
            }

            var failed = healths.Where(h => h.State == ReadinessState.Failed).ToList();
            if (failed.Count > 0)
            {
                throw new OperationFailedException("not ready: " + string.Join("; ", failed));
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new OperationFailedException(
                    $"timed out after {Format(timeout)} waiting for " + string.Join("; ", healths.Where(h => !h.IsReady)));
            }

            await Task.Delay(poll, time, cancellationToken);
        }
    }

    /// <summary>Readiness of one object; with <paramref name="withPods"/> the pods it selects are read for a reason.</summary>
    public async Task<ObjectHealth> HealthAsync(ObjectKey key, bool withPods, CancellationToken cancellationToken)
    {
        var live = await cluster.GetAsync(key, cancellationToken);
        IReadOnlyList<System.Text.Json.Nodes.JsonObject>? pods = null;
        if (withPods && live is not null && key.Kind != "Pod"
            && (live["spec"]?["selector"]?["matchLabels"] ?? (key.Kind == "Job" ? live["spec"]?["selector"]?["matchLabels"] : null)) is System.Text.Json.Nodes.JsonObject labels)
        {
            var selector = string.Join(',', labels.Select(l => $"{l.Key}={l.Value}"));
            pods = await cluster.ListAsync("v1", "Pod", key.Namespace, selector, cancellationToken);
        }

        return Readiness.Evaluate(key, live, pods);
    }

    private void Report(OperationEvent e) => progress?.Report(e);

    internal static string Name(ObjectKey key) => $"{key.Kind.ToLowerInvariant()}/{key.Name}";

    internal static string Describe(KubeApiException ex) => ex.Reason is null ? ex.ServerMessage : $"{ex.Reason}: {ex.ServerMessage}";

    private static string Format(TimeSpan t) => t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#}m" : $"{t.TotalSeconds:0.#}s";

    private static async Task ForEachAsync<T>(IReadOnlyList<T> items, int parallelism, Func<T, Task> action, CancellationToken cancellationToken)
    {
        var errors = new ConcurrentQueue<Exception>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, async (item, _) =>
        {
            try
            {
                await action(item);
            }
            catch (OperationFailedException ex)
            {
                // Let the rest of the phase finish: a half-applied phase is harder to reason about.
                errors.Enqueue(ex);
            }
        });

        if (!errors.IsEmpty)
        {
            throw errors.Count == 1 ? errors.First() : new OperationFailedException(string.Join("; ", errors.Select(e => e.Message)), errors.First());
        }
    }
}
