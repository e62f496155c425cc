using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Operations;

/// <summary>Progress of an operation, as it happens; UI and CLI render these.</summary>
public abstract record OperationEvent(DateTimeOffset At);

/// <summary>A step began: <c>apply workloads</c>, <c>prune configuration</c>, <c>wait</c>…</summary>
public sealed record StepStarted(DateTimeOffset At, string Step, int Objects) : OperationEvent(At);

public sealed record ObjectApplied(DateTimeOffset At, ObjectKey Key, PlanAction Action) : OperationEvent(At);

public sealed record ObjectPruned(DateTimeOffset At, ObjectKey Key, bool Kept) : OperationEvent(At);

public sealed record ObjectFailed(DateTimeOffset At, ObjectKey Key, string Message) : OperationEvent(At);

/// <summary>Still waiting for an object; <see cref="Health"/> says how far it is.</summary>
public sealed record WaitingFor(DateTimeOffset At, ObjectHealth Health) : OperationEvent(At);

public sealed record ObjectReady(DateTimeOffset At, ObjectHealth Health) : OperationEvent(At);

public sealed record ReleaseRecorded(DateTimeOffset At, int Revision, ReleaseStatus Status, string Description) : OperationEvent(At);

public sealed record OperationFinished(DateTimeOffset At, bool Succeeded, string Message) : OperationEvent(At);
