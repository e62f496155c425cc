using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.Model.Releases;

/// <summary>
/// The releases list: every runner release of the selected context (all namespaces), then each one's health,
/// filled in as it is checked so a long list shows at once.
/// </summary>
public sealed partial class ReleasesModel(ClusterSessions sessions, ILogger<ReleasesModel> logger)
{
    /// <summary>Health checks at once: each reads every object of a release.</summary>
    private const int HealthParallelism = 4;

    private readonly object _gate = new();
    private List<ReleaseRow> _rows = [];

    public IReadOnlyList<string> Contexts { get; private set; } = [];

    public string? Context { get; private set; }

    public bool IsLoading { get; private set; }

    public string? Error { get; private set; }

    public string Search { get; set; } = string.Empty;

    /// <summary>Raised (on any thread) when a row's health arrives.</summary>
    public event Action? Changed;

    public IReadOnlyList<ReleaseRow> Rows
    {
        get
        {
            lock (_gate)
            {
                return Search.Length == 0
                    ? [.. _rows]
                    : [.. _rows.Where(r => r.Name.Contains(Search, StringComparison.OrdinalIgnoreCase) || r.Namespace.Contains(Search, StringComparison.OrdinalIgnoreCase))];
            }
        }
    }

    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    public void Initialize(string? context)
    {
        Contexts = sessions.Contexts();
        Context = context is not null && Contexts.Contains(context) ? context : Contexts.FirstOrDefault();
    }

    public async Task SelectContextAsync(string context, CancellationToken cancellationToken)
    {
        Context = context;
        await LoadAsync(cancellationToken);
    }

    /// <summary>Lists the releases; health is checked afterwards by <see cref="CheckHealthAsync"/>.</summary>
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
            var context = await sessions.GetAsync(Context, cancellationToken);
            // A null namespace lists release records of every namespace the credentials can read.
            var latest = await context.Store.ListAsync(null!, cancellationToken);
            var rows = latest
                .Where(r => r.Record.Status != ReleaseStatus.Uninstalled)
                .Select(r => new ReleaseRow(
                    Context, r.Record.Namespace, r.Record.Name, r.Record.Version, r.Record.Chart.Metadata.Version, r.Record.Status,
                    ReleaseFacts.Who(r.Operator), r.Record.Info.LastDeployed, ReleaseFacts.NewerVersion(r.Record, RunnerCatalog.Default)))
                .OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
            lock (_gate)
            {
                _rows = rows;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reference = Guid.NewGuid().ToString("N")[..12];
            LogListFailed(ex, reference, Context);
            Error = $"The releases of '{Context}' could not be read (reference {reference}).";
            lock (_gate)
            {
                _rows = [];
            }
        }
        finally
        {
            IsLoading = false;
        }
    }

    /// <summary>Fills in the health of every row, a few at a time, raising <see cref="Changed"/> as each arrives.</summary>
    public async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (Context is null)
        {
            return;
        }

        var context = await sessions.GetAsync(Context, cancellationToken);
        await Parallel.ForEachAsync(Rows, new ParallelOptions { MaxDegreeOfParallelism = HealthParallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            ReleaseRow updated;
            try
            {
                var report = await new StatusOperation(context).RunAsync(row.Name, row.Namespace, 0, ct);
                var objects = report?.Objects ?? [];
                updated = row with { Health = ReleaseFacts.HealthOf(objects), HealthDetail = ReleaseFacts.HealthDetail(objects) };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHealthFailed(ex, row.Name, row.Namespace);
                updated = row with { Health = ReleaseHealth.Unknown, HealthDetail = "could not be checked" };
            }

            lock (_gate)
            {
                var index = _rows.FindIndex(r => r.Namespace == row.Namespace && r.Name == row.Name);
                if (index >= 0)
                {
                    _rows[index] = updated;
                }
            }

            Changed?.Invoke();
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Listing releases {Reference} of context {Context} failed")]
    private partial void LogListFailed(Exception ex, string reference, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health of release {Release} in {Namespace} could not be checked")]
    private partial void LogHealthFailed(Exception ex, string release, string @namespace);
}
