using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Model.Operate;

/// <summary>One step of an operation as the progress view shows it.</summary>
public sealed record ProgressStep(string Name, int Objects, int Done, bool Failed);

/// <summary>The latest outcome for one object: applied, pruned, kept or failed.</summary>
public sealed record ProgressObject(string Label, string Outcome, bool Failed);

/// <summary>
/// The live view of a <see cref="RunningOperation"/>: steps, per-object results, readiness of each workload with its
/// reason, the revisions written, elapsed time and the outcome. Built from the replayed and live events, so a reload
/// shows the same picture.
/// </summary>
public sealed class ProgressModel(OperationRunner runner, TimeProvider time) : IDisposable
{
    private readonly object _gate = new();
    private readonly List<ProgressStep> _steps = [];
    private readonly Dictionary<string, ProgressObject> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectHealth> _workloads = new(StringComparer.Ordinal);
    private readonly List<ReleaseRecorded> _revisions = [];
    private IDisposable? _subscription;

    public RunningOperation? Operation { get; private set; }

    public OperationFinished? Finished { get; private set; }

    public int EventCount { get; private set; }

    /// <summary>Raised (on any thread) after each event.</summary>
    public event Action? Changed;

    public IReadOnlyList<ProgressStep> Steps { get { lock (_gate) { return [.. _steps]; } } }

    public IReadOnlyList<ProgressObject> Objects { get { lock (_gate) { return [.. _objects.Values]; } } }

    public IReadOnlyList<ObjectHealth> Workloads { get { lock (_gate) { return [.. _workloads.Values]; } } }

    public IReadOnlyList<ReleaseRecorded> Revisions { get { lock (_gate) { return [.. _revisions]; } } }

    public bool IsRunning => Finished is null;

    public bool Succeeded => Finished?.Succeeded == true;

    /// <summary>What atomic rollback did after a failure (null when it did not run).</summary>
    public string? RollbackNote => Operation?.Result is { RolledBack: true } r
        ? r.Verb == "install" ? "Atomic: the failed install was undone (its objects and revision were removed)." : "Atomic: the release was rolled back to the previously deployed revision."
        : null;

    public TimeSpan Elapsed => Operation is null ? TimeSpan.Zero : (Finished?.At ?? time.GetUtcNow()) - Operation.StartedAt;

    /// <summary>Attaches to operation <paramref name="id"/>; false when the console does not know it (restarted, or forgotten).</summary>
    public bool Attach(string id)
    {
        Operation = runner.Find(id);
        if (Operation is null)
        {
            return false;
        }

        _subscription = Operation.Subscribe(OnEvent);
        return true;
    }

    public void Dispose() => _subscription?.Dispose();

    private void OnEvent(OperationEvent e)
    {
        lock (_gate)
        {
            EventCount++;
            switch (e)
            {
                case StepStarted s:
                    _steps.Add(new ProgressStep(s.Step, s.Objects, 0, false));
                    break;
                case ObjectApplied a:
                    Outcome(a.Key.ToString(), Label(a.Key), PlanObjectView.ActionLabel(a.Action) switch { "needs adopt" => "adopted", "conflict" => "applied (forced)", var x => x }, false);
                    break;
                case ObjectPruned p:
                    Outcome(p.Key.ToString(), Label(p.Key), p.Kept ? "kept (resource policy)" : "deleted", false);
                    break;
                case ObjectFailed f:
                    Outcome(f.Key.ToString(), Label(f.Key), f.Message, true);
                    break;
                case WaitingFor w:
                    _workloads[w.Health.Key.ToString()] = w.Health;
                    break;
                case ObjectReady r:
                    _workloads[r.Health.Key.ToString()] = r.Health;
                    CountDone(failed: false);
                    break;
                case ReleaseRecorded r:
                    _revisions.Add(r);
                    break;
                case OperationFinished f:
                    Finished = f;
                    break;
            }
        }

        Changed?.Invoke();
    }

    private void Outcome(string id, string label, string outcome, bool failed)
    {
        _objects[id] = new ProgressObject(label, outcome, failed);
        CountDone(failed);
    }

    private void CountDone(bool failed)
    {
        if (_steps.Count > 0)
        {
            var last = _steps[^1];
            _steps[^1] = last with { Done = Math.Min(last.Objects, last.Done + 1), Failed = last.Failed || failed };
        }
    }

    private static string Label(Core.Rendering.ObjectKey key) => $"{key.Kind}/{key.Name}";

    public static string StatusLabel(ReleaseStatus status) => status.ToHelm();

    public static string ActionLabel(PlanAction action) => PlanObjectView.ActionLabel(action);
}
