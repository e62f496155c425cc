using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.Model.Releases;

/// <summary>
/// The releases list: every runner release of the selected context (all namespaces) from one list request, then the
/// health of the rows on screen only, checked as they are shown (<see cref="WatchHealth"/>). Changes are announced at
/// most once per <see cref="RenderInterval"/>, so a screenful of results costs a few renders, not one each.
/// </summary>
public sealed partial class ReleasesModel
{
    /// <summary>Shown for a release whose health check failed.</summary>
    public const string NotChecked = "could not be checked";

    /// <summary>Health checks at once: each reads every object of a release.</summary>
    public const int HealthParallelism = 4;

    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly ClusterSessions _sessions;
    private readonly ILogger<ReleasesModel> _logger;
    private readonly ChangeThrottle _throttle;
    private IReadOnlyList<ReleaseRow> _all = [];
    private FilteredRows? _filtered;
    private RowHealthChecks _health;
    private bool _closed;

    public ReleasesModel(ClusterSessions sessions, TimeProvider time, ILogger<ReleasesModel> logger)
    {
        _sessions = sessions;
        _logger = logger;
        _throttle = new ChangeThrottle(time, RenderInterval, () => Changed?.Invoke());
        _health = NoHealthChecks();
    }

    public IReadOnlyList<string> Contexts { get; private set; } = [];

    public string? Context { get; private set; }

    public bool IsLoading { get; private set; }

    public string? Error { get; private set; }

    public string Search { get; set; } = string.Empty;

    /// <summary>Raised (on any thread, at most once per <see cref="RenderInterval"/>) when health results arrived.</summary>
    public event Action? Changed;

    /// <summary>The listed releases matching <see cref="Search"/> (the same list instance until either changes).</summary>
    public IReadOnlyList<ReleaseRow> Rows
    {
        get
        {
            var all = _all;
            var search = Search;
            var filtered = _filtered;
            if (filtered is null || filtered.All != all || filtered.Search != search)
            {
                filtered = new FilteredRows(all, search, search.Length == 0
                    ? all
                    : [.. all.Where(r => r.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || r.Namespace.Contains(search, StringComparison.OrdinalIgnoreCase))]);
                _filtered = filtered;
            }

            return filtered.Rows;
        }
    }

    public int Total => _all.Count;

    /// <summary>Health checks started for the current list (one per row that has been on screen).</summary>
    public int HealthChecksStarted => _health.Started;

    /// <summary>Health checks running now.</summary>
    public int HealthChecksActive => _health.Active;

    public void Initialize(string? context)
    {
        Contexts = _sessions.Contexts();
        Context = context is not null && Contexts.Contains(context) ? context : Contexts.FirstOrDefault();
    }

    public async Task SelectContextAsync(string context, CancellationToken cancellationToken)
    {
        Context = context;
        await LoadAsync(cancellationToken);
    }

    /// <summary>Lists the releases (one request); health is checked per row once it is watched.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Context is null)
        {
            return;
        }

        IsLoading = true;
        Error = null;
        try
        {
            var context = await _sessions.GetAsync(Context, cancellationToken);
            var latest = await context.Store.ListAsync(null, cancellationToken);
            var rows = latest
                .Where(r => r.Record.Status != ReleaseStatus.Uninstalled)
                .Select(r => new ReleaseRow(
                    Context, r.Record.Namespace, r.Record.Name, r.Record.Version, r.Record.Chart.Metadata.Version, r.Record.Status,
                    ReleaseFacts.Who(r.Operator), r.Record.Info.LastDeployed, ReleaseFacts.NewerVersion(r.Record, RunnerCatalog.Default)))
                .OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
            Replace(rows, (row, ct) => CheckHealthAsync(context, row, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reference = Guid.NewGuid().ToString("N")[..12];
            LogListFailed(ex, reference, Context);
            Error = $"The releases of '{Context}' could not be read (reference {reference}).";
            Replace([], null);
        }
        finally
        {
            IsLoading = false;
        }
    }

    /// <summary>
    /// Asks for the health of <paramref name="row"/> while it is on screen: it is checked (a few rows at a time) unless
    /// already known; disposing the lease before the result arrives drops or cancels the check.
    /// </summary>
    public IDisposable WatchHealth(ReleaseRow row) => _health.Watch(row);

    /// <summary>The checked health of <paramref name="row"/>, or null while it is being checked.</summary>
    public ReleaseRowHealth? HealthOf(ReleaseRow row) => _health.Of(row);

    /// <summary>Checks the health of one release now, without waiting for a free slot or recording it.</summary>
    public async Task<ReleaseRowHealth> CheckHealthAsync(ReleaseRow row, CancellationToken cancellationToken)
    {
        var context = await _sessions.GetAsync(row.Context, cancellationToken);
        return await CheckHealthAsync(context, row, cancellationToken);
    }

    /// <summary>The page is gone: cancels every health check and stops announcing changes.</summary>
    public void Close()
    {
        _closed = true;
        _health.Dispose();
        _throttle.Dispose();
    }

    private void Replace(IReadOnlyList<ReleaseRow> rows, Func<ReleaseRow, CancellationToken, Task<ReleaseRowHealth>>? probe)
    {
        // The checks of the previous list are cancelled with it; rows of the new list are watched afresh.
        var previous = _health;
        _health = probe is null || _closed ? NoHealthChecks() : new RowHealthChecks(probe, HealthParallelism, _throttle.Signal);
        _all = rows;
        previous.Dispose();
    }

    private static RowHealthChecks NoHealthChecks()
    {
        var none = new RowHealthChecks((_, _) => throw new InvalidOperationException("no release list is loaded"), HealthParallelism, () => { });
        none.Dispose();
        return none;
    }

    private async Task<ReleaseRowHealth> CheckHealthAsync(OperationContext context, ReleaseRow row, CancellationToken cancellationToken)
    {
        try
        {
            var report = await new StatusOperation(context).RunAsync(row.Name, row.Namespace, 0, cancellationToken);
            var objects = report?.Objects ?? [];
            return new ReleaseRowHealth(ReleaseFacts.HealthOf(objects), ReleaseFacts.HealthDetail(objects));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHealthFailed(ex, row.Name, row.Namespace);
            return new ReleaseRowHealth(ReleaseHealth.Unknown, NotChecked);
        }
    }

    private sealed record FilteredRows(IReadOnlyList<ReleaseRow> All, string Search, IReadOnlyList<ReleaseRow> Rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Listing releases {Reference} of context {Context} failed")]
    private partial void LogListFailed(Exception ex, string reference, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health of release {Release} in {Namespace} could not be checked")]
    private partial void LogHealthFailed(Exception ex, string release, string @namespace);
}
