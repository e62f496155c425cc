using System.Text.Json.Nodes;
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
        var history = await store.HistoryAsync(request.Release, request.Namespace, cancellationToken);
        if (history.Count > 0 && history[^1].Record.Status != ReleaseStatus.Uninstalled)
        {
            if (history[^1].Record.Status.IsPending())
            {
                throw ReleaseStore.InProgress(request.Release, history[^1]);
            }

            return Failed(request, $"cannot re-use a name that is still in use: release '{request.Release}' exists (revision {history[^1].Record.Version}, {history[^1].Record.Status.ToHelm()}); use upgrade");
        }

        await EnsureNamespaceAsync(request, options, cancellationToken);
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
        record = record with { Manifest = HelmManifest.Join(desired) };
        await store.AcquireAsync(record, history, operation, cancellationToken);
        progress?.Report(new ReleaseRecorded(context.Now, record.Version, record.Status, record.Info.Description!));

        var applier = context.Applier(progress);
        Plan? plan = null;
        try
        {
            plan = await new Planner(context.Cluster).PlanAsync(request.Release, request.Namespace, desired, [], new PlanOptions { Adopt = options.Adopt, ForceConflicts = options.ForceConflicts, Parallelism = options.Parallelism, FieldManager = options.FieldManager }, cancellationToken);
            OperationContext.EnsureAllowed(plan, options);
            await applier.ApplyAsync(plan, options, cancellationToken);
            var health = options.Wait ? await applier.WaitAsync([.. desired.Select(d => d.Key)], options.Timeout, options.PollInterval, cancellationToken) : [];
            record = await context.RecordAsync(record, ReleaseStatus.Deployed, OperationContext.Describe("Install complete", options), operation, progress, cancellationToken);
            await store.PruneAsync(request.Release, request.Namespace, options.MaxHistory, cancellationToken);
            progress?.Report(new OperationFinished(context.Now, true, $"installed {request.Release} revision {record.Version}"));
            return new OperationResult("install", request.Release, request.Namespace, true, $"release '{request.Release}' installed (revision {record.Version})")
            {
                Record = record,
                Plan = plan,
                Health = health,
            };
        }
        catch (Exception ex) when (ex is OperationFailedException or KubeApiException or TimeoutException)
        {
            var message = ex.Message;
            record = await context.RecordAsync(record, ReleaseStatus.Failed, $"Release \"{request.Release}\" failed: {message}", operation, progress, CancellationToken.None);
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

    private async Task EnsureNamespaceAsync(ReleaseRequest request, OperationOptions options, CancellationToken cancellationToken)
    {
        var key = new ObjectKey("v1", "Namespace", null, request.Namespace);
        if (await context.Cluster.GetAsync(key, cancellationToken) is not null)
        {
            return;
        }

        if (!request.CreateNamespace)
        {
            throw new OperationFailedException($"namespace '{request.Namespace}' not found (use --create-namespace to create it)");
        }

        await context.Cluster.ApplyAsync(
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = request.Namespace } },
            new ApplyOptions { FieldManager = options.FieldManager }, cancellationToken);
    }

    private static OperationResult Failed(ReleaseRequest request, string message) =>
        new("install", request.Release, request.Namespace, false, message);
}
