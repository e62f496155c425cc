using System.Diagnostics;
using System.Globalization;

namespace RunnerConsole.Core.Operations;

/// <summary>
/// Opt-in timing trace of one operation (<c>RUNNER_CONSOLE_TRACE=1</c>): each step's wall time and the API
/// requests sent during it, printed to stderr. Holds step names and counts only, never object content or secrets.
/// </summary>
public sealed class OperationTrace
{
    public const string EnvironmentVariable = "RUNNER_CONSOLE_TRACE";

    private readonly Lock _gate = new();
    private readonly List<(string Step, TimeSpan Took, int Requests, int Writes)> _steps = [];
    private readonly List<(long Methods, TimeSpan Time)> _jit = [];
    private readonly long _origin;
    private readonly TimeSpan _beforeOrigin;
    private long _last;
    private int _requests;
    private int _writes;
    private int _requestsAtLast;
    private int _writesAtLast;
    private readonly (long Methods, TimeSpan Time) _jitAtOrigin = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
    private long _jitMethodsAtLast;
    private TimeSpan _jitTimeAtLast;

    /// <param name="beforeOrigin">Time spent before the trace was created (process start-up), shown as the first step.</param>
    public OperationTrace(TimeSpan beforeOrigin = default)
    {
        _origin = Stopwatch.GetTimestamp();
        _last = _origin;
        (_jitMethodsAtLast, _jitTimeAtLast) = _jitAtOrigin;
        _beforeOrigin = beforeOrigin;
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

    /// <summary>The steps so far: name, wall time, requests and writes (non-GET, not dry-run) sent during it.</summary>
    public IReadOnlyList<(string Step, TimeSpan Took, int Requests, int Writes)> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    /// <summary>Ends the current step: the time since the previous mark is charged to <paramref name="step"/>.</summary>
    public void Mark(string step)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var requests = Volatile.Read(ref _requests);
            var writes = Volatile.Read(ref _writes);
            _steps.Add((step, Stopwatch.GetElapsedTime(_last, now), requests - _requestsAtLast, writes - _writesAtLast));
            var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jitTime = System.Runtime.JitInfo.GetCompilationTime();
            _jit.Add((jitMethods - _jitMethodsAtLast, jitTime - _jitTimeAtLast));
            _jitMethodsAtLast = jitMethods;
            _jitTimeAtLast = jitTime;
            _last = now;
            _requestsAtLast = requests;
            _writesAtLast = writes;
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

    /// <summary>The table: one line per step, then the total.</summary>
    public string Format()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("trace:   wall ms  req  wr   jit methods (ms)  step");
        var total = _beforeOrigin;
        (long Methods, TimeSpan Time) jitTotal = (_jitAtOrigin.Methods, _jitAtOrigin.Time);
        if (_beforeOrigin > TimeSpan.Zero)
        {
            text.AppendLine(Line("process start (runtime, before the trace)", _beforeOrigin, 0, 0, _jitAtOrigin));
        }

        var requests = 0;
        var writes = 0;
        List<(long Methods, TimeSpan Time)> jit;
        lock (_gate)
        {
            jit = [.. _jit];
        }

        var steps = Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var (step, took, r, w) = steps[i];
            text.AppendLine(Line(step, took, r, w, jit[i]));
            total += took;
            requests += r;
            writes += w;
            jitTotal = (jitTotal.Methods + jit[i].Methods, jitTotal.Time + jit[i].Time);
        }

        text.Append(Line("total", total, requests, writes, jitTotal));
        return text.ToString();
    }

    // Methods compiled by the JIT (all threads) and the time it took: in a fresh process most of the wall time.
    private static string Line(string step, TimeSpan took, int requests, int writes, (long Methods, TimeSpan Time) jit) =>
        string.Create(CultureInfo.InvariantCulture, $"trace: {took.TotalMilliseconds,7:0.0}  {requests,3}  {writes,3}  {jit.Methods,6} ({jit.Time.TotalMilliseconds,5:0})   {step}");

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
