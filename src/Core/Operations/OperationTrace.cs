using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace RunnerConsole.Core.Operations;

/// <summary>
/// Opt-in timing trace of one operation (<c>RUNNER_CONSOLE_TRACE=1</c>): each step's wall time and the API
/// requests sent during it, printed to stderr. Holds step names and counts only, never object content or secrets.
/// </summary>
public sealed class OperationTrace
{
    public const string EnvironmentVariable = "RUNNER_CONSOLE_TRACE";

    private readonly Lock _gate = new();
    private readonly List<TraceStep> _steps = [];
    private readonly TimeSpan _beforeOrigin;
    private readonly TraceStep _atOrigin;
    private long _last;
    private int _requests;
    private int _writes;
    private int _requestsAtLast;
    private int _writesAtLast;
    private long _jitMethodsAtLast;
    private TimeSpan _jitTimeAtLast;

    /// <param name="beforeOrigin">Time spent before the trace was created (process start-up), shown as the first step.</param>
    public OperationTrace(TimeSpan beforeOrigin = default)
    {
        _last = Stopwatch.GetTimestamp();
        _beforeOrigin = beforeOrigin;
        _jitMethodsAtLast = JitInfo.GetCompiledMethodCount();
        _jitTimeAtLast = JitInfo.GetCompilationTime();
        _atOrigin = new TraceStep("process start (runtime, before the trace)", beforeOrigin, 0, 0, _jitMethodsAtLast, _jitTimeAtLast);
    }

    /// <summary>A trace when <c>RUNNER_CONSOLE_TRACE</c> is <c>1</c> or <c>true</c>, else null.</summary>
    public static OperationTrace? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (value is not ("1" or "true" or "TRUE" or "True"))
        {
            return null;
        }

        // Runtime start-up before Main: from the process start time the OS recorded.
        TimeSpan startup;
        try
        {
            startup = DateTime.Now - Process.GetCurrentProcess().StartTime;
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            startup = TimeSpan.Zero;
        }

        return new OperationTrace(startup < TimeSpan.Zero ? TimeSpan.Zero : startup);
    }

    /// <summary>The steps so far, in order.</summary>
    public IReadOnlyList<TraceStep> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    /// <summary>Ends the current step: the time, requests and compiled methods since the previous mark are charged to <paramref name="step"/>.</summary>
    public void Mark(string step)
    {
        var now = Stopwatch.GetTimestamp();
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var jitTime = JitInfo.GetCompilationTime();
        lock (_gate)
        {
            var requests = Volatile.Read(ref _requests);
            var writes = Volatile.Read(ref _writes);
            _steps.Add(new TraceStep(
                step, Stopwatch.GetElapsedTime(_last, now), requests - _requestsAtLast, writes - _writesAtLast, jitMethods - _jitMethodsAtLast, jitTime - _jitTimeAtLast));
            (_last, _requestsAtLast, _writesAtLast, _jitMethodsAtLast, _jitTimeAtLast) = (now, requests, writes, jitMethods, jitTime);
        }
    }

    /// <summary>Counts one request (called by <see cref="Handler"/>).</summary>
    public void CountRequest(bool write)
    {
        Interlocked.Increment(ref _requests);
        if (write)
        {
            Interlocked.Increment(ref _writes);
        }
    }

    /// <summary>An HTTP handler that counts the requests of the cluster connection into this trace.</summary>
    public DelegatingHandler Handler() => new CountingHandler(this);

    /// <summary>The table: a header, one line per step (the process start first, when known), then the total.</summary>
    public string Format()
    {
        var steps = Steps;
        var shown = _beforeOrigin > TimeSpan.Zero ? [_atOrigin, .. steps] : steps;
        var total = new TraceStep(
            "total",
            _beforeOrigin + steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Took),
            steps.Sum(s => s.Requests),
            steps.Sum(s => s.Writes),
            _atOrigin.JitMethods + steps.Sum(s => s.JitMethods),
            _atOrigin.JitTime + steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.JitTime));
        var text = new System.Text.StringBuilder();
        text.AppendLine("trace:   wall ms  req  wr   jit methods (ms)  step");
        foreach (var step in shown)
        {
            text.AppendLine(Line(step));
        }

        text.Append(Line(total));
        return text.ToString();
    }

    private static string Line(TraceStep s) =>
        string.Create(CultureInfo.InvariantCulture, $"trace: {s.Took.TotalMilliseconds,7:0.0}  {s.Requests,3}  {s.Writes,3}  {s.JitMethods,6} ({s.JitTime.TotalMilliseconds,5:0})   {s.Name}");

    private sealed class CountingHandler(OperationTrace trace) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var write = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head
                && !(request.RequestUri?.Query.Contains("dryRun", StringComparison.Ordinal) ?? false);
            trace.CountRequest(write);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>
/// One step of an <see cref="OperationTrace"/>: its wall time, the requests and writes (non-GET, not dry-run) sent
/// during it, and the methods the runtime compiled meanwhile (all threads; in a fresh process most of the wall time).
/// </summary>
public sealed record TraceStep(string Name, TimeSpan Took, int Requests, int Writes, long JitMethods, TimeSpan JitTime);
