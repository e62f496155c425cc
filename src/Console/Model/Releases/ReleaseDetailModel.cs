using System.Security.Claims;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.Model.Releases;

/// <summary>
/// The release page: live health of every object, the history, and the actions (upgrade, edit values, rollback,
/// uninstall, recover), each checked against the caller's role here as well as in <see cref="OperationRunner"/>.
/// </summary>
public sealed partial class ReleaseDetailModel(ClusterSessions sessions, PendingChange pending, OperationRunner runner, ILogger<ReleaseDetailModel> logger)
{
    private IReadOnlyList<StoredRelease> _history = [];

    public string Context { get; private set; } = string.Empty;

    public string Namespace { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public bool IsLoading { get; private set; }

    public string? Error { get; private set; }

    public bool Exists => _history.Count > 0;

    public ReleaseRecord? Latest => _history.Count == 0 ? null : _history[^1].Record;

    /// <summary>The revision running in the cluster: the last deployed one, else the latest.</summary>
    public ReleaseRecord? Current => _history.LastOrDefault(h => h.Record.Status == ReleaseStatus.Deployed)?.Record ?? Latest;

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public IReadOnlyList<ObjectHealth> Health { get; private set; } = [];

    public ReleaseHealth OverallHealth => ReleaseFacts.HealthOf(Health);

    public string? NewerVersion => Current is null ? null : ReleaseFacts.NewerVersion(Current, RunnerCatalog.Default);

    /// <summary>The latest revision is pending with no operation of this console running on it: the lock is stale.</summary>
    public bool IsStuck => Latest?.Status.IsPending() == true && RunningOperation is null;

    public RunningOperation? RunningOperation => runner.RunningOn(Context, Namespace, Name).FirstOrDefault();

    public bool IsUninstalled => Latest?.Status == ReleaseStatus.Uninstalled;

    public async Task LoadAsync(string context, string @namespace, string name, CancellationToken cancellationToken)
    {
        (Context, Namespace, Name) = (context, @namespace, name);
        IsLoading = true;
        Error = null;
        try
        {
            var engine = await sessions.GetAsync(context, cancellationToken);
            _history = await engine.Store.HistoryAsync(name, @namespace, cancellationToken);
            var current = Current?.Version;
            History = [.. _history.Reverse().Select(h => new HistoryRow(
                h.Record.Version, h.Record.Status, h.Record.Chart.Metadata.Version, h.Record.Info.Description,
                ReleaseFacts.Who(h.Operator), h.Record.Info.LastDeployed, h.Record.Version == current))];
            var report = _history.Count == 0 || IsUninstalled ? null : await new StatusOperation(engine).RunAsync(name, @namespace, Current?.Version ?? 0, cancellationToken);
            Health = report?.Objects ?? [];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reference = Guid.NewGuid().ToString("N")[..12];
            LogLoadFailed(ex, reference, name, @namespace);
            Error = $"The release could not be read (reference {reference}).";
        }
        finally
        {
            IsLoading = false;
        }
    }

    public static bool CanMutate(ClaimsPrincipal? user) => ConsoleUsers.CanMutate(user);

    /// <summary>A revision's manifest, Secret data masked.</summary>
    public string? ManifestOf(int revision) => Record(revision) is { } r ? MaskedText.Manifest(r.Manifest) : null;

    /// <summary>A revision's values, secret values redacted.</summary>
    public string? ValuesOf(int revision) => Record(revision) is { } r ? MaskedText.Values(r) : null;

    /// <summary>The masked manifest of the current revision next to that of <paramref name="revision"/>.</summary>
    public TextComparison? DiffAgainstCurrent(int revision) => Record(revision) is { } r && Current is { } c
        ? new TextComparison($"Revision {revision} against the current revision {c.Version}", $"current (revision {c.Version})", MaskedText.Manifest(c.Manifest), $"revision {revision}", MaskedText.Manifest(r.Manifest))
        : null;

    /// <summary>Fills the plan hand-off with the deployed values at the newest catalog version; false when the values cannot be read back.</summary>
    public bool PrepareUpgrade(ClaimsPrincipal? user, string? version = null)
    {
        ConsoleUsers.EnsureCanMutate(user);
        if (Current is null || MaskedText.ValuesOf(Current) is not { } values)
        {
            return false;
        }

        pending.SetUpgrade(values with { Version = version ?? RunnerCatalog.Default.Latest.Version }, Context, Namespace, Name);
        return true;
    }

    /// <summary>
    /// Fills the hand-off with the deployed values at their deployed version, for the install wizard to open
    /// pre-filled (it reads <see cref="PendingChange.Current"/> of kind upgrade).
    /// </summary>
    public bool PrepareEditValues(ClaimsPrincipal? user)
    {
        ConsoleUsers.EnsureCanMutate(user);
        if (Current is null || MaskedText.ValuesOf(Current) is not { } values)
        {
            return false;
        }

        pending.SetUpgrade(values, Context, Namespace, Name);
        return true;
    }

    public void PrepareRollback(ClaimsPrincipal? user, int revision)
    {
        ConsoleUsers.EnsureCanMutate(user);
        pending.SetRollback(Context, Namespace, Name, revision);
    }

    /// <summary>Uninstalls after the typed confirmation; throws when <paramref name="typedName"/> is not the release name.</summary>
    public RunningOperation Uninstall(ClaimsPrincipal? user, string typedName, bool keepHistory, string? reason)
    {
        ConsoleUsers.EnsureCanMutate(user);
        if (!ConfirmsName(typedName))
        {
            throw new InvalidOperationException($"type the release name '{Name}' to confirm");
        }

        return runner.Start(user, new OperationStart(new ProposedChange(ChangeKind.Uninstall, Context, Namespace, Name)) { KeepHistory = keepHistory, Reason = reason });
    }

    /// <summary>The objects uninstall deletes and keeps, from the current revision; empty when there is none.</summary>
    public UninstallPreview UninstallPreview() => Current is { } current ? Model.Releases.UninstallPreview.Of(current) : new([]);

    public bool ConfirmsName(string? typedName) => string.Equals(typedName?.Trim(), Name, StringComparison.Ordinal);

    public RunningOperation Recover(ClaimsPrincipal? user, string? reason) =>
        runner.Start(user, new OperationStart(new ProposedChange(ChangeKind.Recover, Context, Namespace, Name)) { Reason = reason });

    private ReleaseRecord? Record(int revision) => _history.FirstOrDefault(h => h.Record.Version == revision)?.Record;

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading release {Release} in {Namespace} failed ({Reference})")]
    private partial void LogLoadFailed(Exception ex, string reference, string release, string @namespace);
}
