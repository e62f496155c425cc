using System.Collections.Concurrent;
using System.Security.Claims;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Model.Operate;

/// <summary>
/// Runs operations in the background, not tied to the circuit that started them, so a reload (or another tab)
/// reconnects to the same run by id. Refuses callers who are not operators, whatever the UI showed them.
/// </summary>
public sealed partial class OperationRunner(
    ClusterSessions sessions, ReleaseRequests requests, TimeProvider time, ILogger<OperationRunner> logger, OperationDefaults defaults) : IDisposable
{
    /// <summary>Finished operations kept for reconnecting; older ones are forgotten.</summary>
    public const int MaxKept = 100;

    private readonly ConcurrentDictionary<string, RunningOperation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Raised (on a pool thread) when an operation starts or finishes: lists of releases refresh on it.</summary>
    public event Action<RunningOperation>? StateChanged;

    public RunningOperation? Find(string id) => _operations.GetValueOrDefault(id);

    /// <summary>Operations still running on a release (the release page shows them as in progress).</summary>
    public IReadOnlyList<RunningOperation> RunningOn(string context, string @namespace, string release) =>
        [.. _operations.Values.Where(o => o.State == OperationState.Running && o.Change.Context == context && o.Change.Namespace == @namespace && o.Change.Release == release)];

    /// <summary>Starts <paramref name="start"/> for <paramref name="user"/> and returns at once; throws <see cref="OperationRefusedException"/> for viewers.</summary>
    public RunningOperation Start(ClaimsPrincipal? user, OperationStart start)
    {
        ConsoleUsers.EnsureCanMutate(user);
        var operation = new RunningOperation(Guid.NewGuid().ToString("N")[..12], start.Change, ConsoleUsers.NameOf(user), time.GetUtcNow());
        _operations[operation.Id] = operation;
        Forget();
        StateChanged?.Invoke(operation);
        _ = Task.Run(() => RunAsync(operation, start, ConsoleUsers.NameOf(user), _stopping.Token), CancellationToken.None);
        return operation;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(RunningOperation operation, OperationStart start, string who, CancellationToken cancellationToken)
    {
        var change = start.Change;
        var options = defaults.Options with
        {
            Operator = who,
            Reason = string.IsNullOrWhiteSpace(start.Reason) ? null : start.Reason.Trim(),
            Adopt = start.Adopt,
            ForceConflicts = start.ForceConflicts,
            Atomic = start.Atomic,
        };
        var progress = new RecordingProgress(operation);
        try
        {
            var context = await sessions.GetAsync(change.Context, cancellationToken);
            var result = change.Kind switch
            {
                ChangeKind.Install => await new InstallOperation(context).RunAsync(await requests.BuildAsync(context, change, cancellationToken), options, progress, cancellationToken),
                ChangeKind.Upgrade => await new UpgradeOperation(context).RunAsync(await requests.BuildAsync(context, change, cancellationToken), install: false, options, progress, cancellationToken),
                ChangeKind.Rollback => await new RollbackOperation(context).RunAsync(change.Release, change.Namespace, change.Revision ?? 0, options, progress, cancellationToken),
                ChangeKind.Uninstall => await new UninstallOperation(context).RunAsync(change.Release, change.Namespace, start.KeepHistory, options, progress, cancellationToken),
                _ => await new RecoverOperation(context).RunAsync(change.Release, change.Namespace, options, cancellationToken),
            };
            LogFinished(operation.Id, change.Kind, change.Release, result.Succeeded);
            operation.Complete(result, null, time.GetUtcNow());
        }
        catch (OperationInProgressException ex)
        {
            operation.Complete(null, ex.Message, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is KubeApiException or OperationFailedException or InvalidOperationException or HttpRequestException or IOException or ArgumentException)
        {
            // The reason is shown; the exception (with its stack) goes to the log under the operation's id.
            LogFailed(ex, operation.Id, change.Kind, change.Release);
            operation.Complete(null, $"{FriendlyReason(ex)} (reference {operation.Id})", time.GetUtcNow());
        }
        catch (Exception ex)
        {
            LogFailed(ex, operation.Id, change.Kind, change.Release);
            operation.Complete(null, $"The operation stopped unexpectedly. The details are in the console's log under reference {operation.Id}.", time.GetUtcNow());
        }

        StateChanged?.Invoke(operation);
    }

    private static string FriendlyReason(Exception ex) => ex switch
    {
        KubeApiException or OperationFailedException or InvalidOperationException or ArgumentException => ex.Message,
        _ => "The cluster could not be reached",
    };

    private void Forget()
    {
        var finished = _operations.Values.Where(o => o.State != OperationState.Running).OrderBy(o => o.StartedAt).ToList();
        foreach (var old in finished.Take(Math.Max(0, _operations.Count - MaxKept)))
        {
            _operations.TryRemove(old.Id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operation {Id}: {Kind} of {Release} finished, succeeded: {Succeeded}")]
    private partial void LogFinished(string id, ChangeKind kind, string release, bool succeeded);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operation {Id}: {Kind} of {Release} failed")]
    private partial void LogFailed(Exception ex, string id, ChangeKind kind, string release);

    /// <summary>Records events synchronously, in order (Progress&lt;T&gt; would post them to a thread pool, out of order).</summary>
    private sealed class RecordingProgress(RunningOperation operation) : IProgress<OperationEvent>
    {
        public void Report(OperationEvent value)
        {
            if (value is not OperationFinished)
            {
                operation.Record(value);
            }
        }
    }
}
