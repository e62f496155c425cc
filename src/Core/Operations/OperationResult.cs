using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary>The outcome of one verb.</summary>
public sealed record OperationResult(string Verb, string Release, string Namespace, bool Succeeded, string Message)
{
    /// <summary>The revision the operation wrote (null when it wrote none).</summary>
    public ReleaseRecord? Record { get; init; }

    public Plan? Plan { get; init; }

    /// <summary>Readiness of the workloads at the end of the wait.</summary>
    public IReadOnlyList<ObjectHealth> Health { get; init; } = [];

    /// <summary>--atomic undid the operation after it failed.</summary>
    public bool RolledBack { get; init; }
}

/// <summary>The operation could not complete; the message names the object and the reason.</summary>
public sealed class OperationFailedException(string message, Exception? inner = null) : Exception(message, inner);
