namespace RunnerConsole.Model.Releases;

/// <summary>
/// Coalesces change signals into at most one notification per interval: the first signal schedules it, later ones
/// join it. Many results arriving together then cost the page one render, not one each.
/// </summary>
public sealed class ChangeThrottle : IDisposable
{
    private readonly ITimer _timer;
    private readonly TimeSpan _interval;
    private readonly Action _notify;
    private readonly Lock _gate = new();
    private bool _scheduled;
    private bool _disposed;

    public ChangeThrottle(TimeProvider time, TimeSpan interval, Action notify)
    {
        _interval = interval;
        _notify = notify;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Something changed: notify once the interval has passed (unless a notification is already due).</summary>
    public void Signal()
    {
        lock (_gate)
        {
            if (!_disposed && !_scheduled)
            {
                _scheduled = true;
                _timer.Change(_interval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    private void Fire()
    {
        // Cleared before notifying: a signal raised while the page reads the state schedules the next notification.
        lock (_gate)
        {
            _scheduled = false;
            if (_disposed)
            {
                return;
            }
        }

        _notify();
    }
}
