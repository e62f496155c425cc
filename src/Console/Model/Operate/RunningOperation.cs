using RunnerConsole.Core.Operations;

namespace RunnerConsole.Model.Operate;

/// <summary>
/// One operation started by <see cref="OperationRunner"/>: its identity, its recorded events (bounded) and its outcome.
/// Any number of circuits subscribe; each gets the events so far, then the live ones.
/// </summary>
public sealed class RunningOperation
{
    /// <summary>Enough for the largest runner (a few hundred objects, each applied and waited on) with room to spare.</summary>
    public const int MaxEvents = 5000;

    private readonly object _gate = new();
    private readonly List<OperationEvent> _events = [];
    private readonly List<Action<OperationEvent>> _subscribers = [];
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunningOperation(string id, ProposedChange change, string startedBy, DateTimeOffset startedAt)
    {
        Id = id;
        Change = change;
        StartedBy = startedBy;
        StartedAt = startedAt;
    }

    public string Id { get; }

    public ProposedChange Change { get; }

    public string StartedBy { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public OperationState State { get; private set; } = OperationState.Running;

    public OperationResult? Result { get; private set; }

    /// <summary>Shown instead of an exception's text when the operation broke unexpectedly (the details are in the log).</summary>
    public string? FailureMessage { get; private set; }

    /// <summary>Events dropped because <see cref="MaxEvents"/> was reached (the oldest are kept: they explain the start).</summary>
    public int DroppedEvents { get; private set; }

    /// <summary>Completes when the operation has finished and its outcome is recorded.</summary>
    public Task Completion => _completion.Task;

    public IReadOnlyList<OperationEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Replays every recorded event to <paramref name="onEvent"/>, then forwards new ones until disposed.</summary>
    public IDisposable Subscribe(Action<OperationEvent> onEvent)
    {
        List<OperationEvent> replay;
        lock (_gate)
        {
            replay = [.. _events];
            _subscribers.Add(onEvent);
        }

        foreach (var e in replay)
        {
            onEvent(e);
        }

        return new Subscription(this, onEvent);
    }

    internal void Record(OperationEvent e)
    {
        Action<OperationEvent>[] subscribers;
        lock (_gate)
        {
            if (_events.Count >= MaxEvents && e is not OperationFinished)
            {
                DroppedEvents++;
                return;
            }

            _events.Add(e);
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(e);
        }
    }

    /// <summary>
    /// Records the outcome and the one <see cref="OperationFinished"/> event subscribers see. The engine's own finish
    /// events are not recorded: an atomic upgrade reports the nested rollback's finish before its own.
    /// </summary>
    internal void Complete(OperationResult? result, string? failureMessage, DateTimeOffset at)
    {
        Result = result;
        FailureMessage = failureMessage;
        FinishedAt = at;
        State = result?.Succeeded == true ? OperationState.Succeeded : OperationState.Failed;
        Record(new OperationFinished(at, State == OperationState.Succeeded, result?.Message ?? failureMessage ?? "the operation stopped"));
        _completion.TrySetResult();
    }

    private void Unsubscribe(Action<OperationEvent> onEvent)
    {
        lock (_gate)
        {
            _subscribers.Remove(onEvent);
        }
    }

    private sealed class Subscription(RunningOperation owner, Action<OperationEvent> onEvent) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onEvent);
    }
}
