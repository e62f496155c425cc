namespace RunnerConsole.Model.Releases;

/// <summary>
/// Health of the rows on screen, checked lazily: a row is checked once something watches it (its cell is rendered),
/// a few at a time in the order asked; a check nobody watches any more is dropped from the queue or cancelled.
/// A result is kept for the life of this instance (one loaded list); each one raises the change callback.
/// </summary>
public sealed class RowHealthChecks(Func<ReleaseRow, CancellationToken, Task<ReleaseRowHealth>> probe, int parallelism, Action changed) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), ReleaseRowHealth> _known = [];
    private readonly Dictionary<(string, string), Check> _wanted = [];
    private readonly Queue<Check> _queue = new();
    private int _active;
    private int _started;
    private bool _disposed;

    /// <summary>Checks started so far (each one reads a release's objects from the cluster).</summary>
    public int Started
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    /// <summary>Checks running now, including cancelled ones still unwinding.</summary>
    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>The checked health of <paramref name="row"/>, or null while it is not known.</summary>
    public ReleaseRowHealth? Of(ReleaseRow row)
    {
        lock (_gate)
        {
            return _known.GetValueOrDefault(row.Key);
        }
    }

    /// <summary>Asks for the health of <paramref name="row"/> until the returned lease is disposed.</summary>
    public IDisposable Watch(ReleaseRow row)
    {
        lock (_gate)
        {
            if (_disposed || _known.ContainsKey(row.Key))
            {
                return Lease.None;
            }

            if (!_wanted.TryGetValue(row.Key, out var check))
            {
                check = new Check(row);
                _wanted.Add(row.Key, check);
                _queue.Enqueue(check);
                Pump();
            }

            check.Watchers++;
            return new Lease(this, check);
        }
    }

    /// <summary>Cancels every check; nothing is checked or reported afterwards.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var check in _wanted.Values)
            {
                check.Cancel.Cancel();
            }

            _wanted.Clear();
            _queue.Clear();
        }
    }

    private void Release(Check check)
    {
        lock (_gate)
        {
            if (--check.Watchers > 0 || !_wanted.Remove(check.Row.Key, out var current) || current != check)
            {
                return;
            }

            // A queued check is skipped when its turn comes; a running one stops reading the cluster.
            check.Cancel.Cancel();
        }
    }

    // Under _gate: starts queued checks while a slot is free, skipping those nobody wants any more.
    private void Pump()
    {
        while (!_disposed && _active < parallelism && _queue.TryDequeue(out var check))
        {
            if (check.Cancel.IsCancellationRequested)
            {
                continue;
            }

            _active++;
            _started++;
            // On the thread pool: the caller is a render, which must not run any part of a cluster read.
            _ = Task.Run(() => RunAsync(check));
        }
    }

    private async Task RunAsync(Check check)
    {
        ReleaseRowHealth? health = null;
        try
        {
            health = await probe(check.Row, check.Cancel.Token);
        }
        catch (OperationCanceledException) when (check.Cancel.IsCancellationRequested)
        {
            // Nobody watches the row any more (scrolled away, page left, list reloaded).
        }
        catch (Exception) when (!check.Cancel.IsCancellationRequested)
        {
            // The probe reports its own failures; anything else (a client timeout) still ends the check.
            health = new ReleaseRowHealth(ReleaseHealth.Unknown, ReleasesModel.NotChecked);
        }
        finally
        {
            lock (_gate)
            {
                _active--;
                if (health is not null && !_disposed && _wanted.TryGetValue(check.Row.Key, out var current) && current == check)
                {
                    _wanted.Remove(check.Row.Key);
                    _known[check.Row.Key] = health;
                    changed();
                }

                Pump();
            }
        }
    }

    private sealed class Check(ReleaseRow row)
    {
        public ReleaseRow Row { get; } = row;

        public int Watchers { get; set; }

        // Never linked or timed, so there is nothing to dispose; cancelling it is safe at any time.
        public CancellationTokenSource Cancel { get; } = new();
    }

    private sealed class Lease(RowHealthChecks? owner, Check? check) : IDisposable
    {
        public static readonly Lease None = new(null, null);

        private int _disposed;

        public void Dispose()
        {
            if (owner is not null && check is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(check);
            }
        }
    }
}
