using System.Collections.Concurrent;

namespace RunnerConsole.Sandbox.Faults;

/// <summary>
/// One request, as tests and benchmarks read it. Recorded when the answer starts (a watch: when its stream opens), so a
/// client that got its answer always finds the entry. <see cref="Status"/> is 0 for dropped or hung requests.
/// </summary>
public sealed record RequestLogEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    int Status,
    TimeSpan Duration,
    string UserAgent,
    string Verb,
    string Resource,
    string? Namespace,
    string? Name,
    string? Fault)
{
    /// <summary>The HTTP version the request came in on: <c>HTTP/1.1</c>, or <c>HTTP/2</c> (TLS sandboxes, by ALPN).</summary>
    public string Protocol { get; init; } = "";

    /// <summary>Kestrel's id of the connection the request came in on: requests sharing one shared a connection.</summary>
    public string ConnectionId { get; init; } = "";

    /// <summary>The request's Accept header: which representation the client asked for (e.g. <c>as=Table</c>, metadata only).</summary>
    public string Accept { get; init; } = "";

    /// <summary>
    /// Who the client asked to act as (<c>Impersonate-User</c>, <c>-Group</c>, <c>-Extra-*</c> headers, as a kubeconfig
    /// user's <c>as</c>, <c>as-groups</c> and <c>as-user-extra</c> send them): <c>user; groups a,b; extra k=v</c>, or empty.
    /// </summary>
    public string Impersonation { get; init; } = "";

    public override string ToString() =>
        $"{Method} {Path}{Query} -> {Status} in {Duration.TotalMilliseconds:0.0} ms ({Verb} {Resource}{(Fault is null ? "" : ", fault " + Fault)})";
}

/// <summary>The request log of one sandbox (bounded to the last 100 000 requests).</summary>
public sealed class RequestLog
{
    private const int Limit = 100_000;
    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();

    public void Add(RequestLogEntry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Limit && _entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<RequestLogEntry> Entries => _entries.ToArray();

    public int Count(Func<RequestLogEntry, bool>? predicate = null) =>
        predicate is null ? _entries.Count : _entries.Count(predicate);

    public void Clear() => _entries.Clear();
}
