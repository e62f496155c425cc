using System.Security.Claims;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;

namespace RunnerConsole.Model.Operate;

/// <summary>
/// The diff-before-apply screen: the plan of the pending change, the consent it needs (adopt, force conflicts,
/// cluster-wide objects), the reason, and the hand-over to <see cref="OperationRunner"/>.
/// </summary>
public sealed partial class PlanModel(PendingChange pending, ClusterSessions sessions, ReleaseRequests requests, OperationRunner runner, ILogger<PlanModel> logger)
{
    public ProposedChange? Change { get; private set; }

    public Plan? Plan { get; private set; }

    public IReadOnlyList<PlanObjectView> Objects { get; private set; } = [];

    public PlanObjectView? Selected { get; private set; }

    public bool IsLoading { get; private set; }

    /// <summary>A friendly reason the plan could not be computed (details in the log under the reference).</summary>
    public string? Error { get; private set; }

    public bool AdoptConsent { get; set; }

    public bool ForceConflictsConsent { get; set; }

    public bool ClusterAccessConsent { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>Only show objects that change (the default: unchanged ones are noise on an upgrade).</summary>
    public bool ChangesOnly { get; set; } = true;

    public IReadOnlyList<PlanObjectView> Visible => ChangesOnly && Objects.Any(o => o.Plan.IsChange) ? [.. Objects.Where(o => o.Plan.IsChange)] : Objects;

    public bool NeedsAdopt => Plan?.Summary.NeedsAdopt > 0;

    public bool HasConflicts => Plan?.Summary.Conflicts > 0;

    /// <summary>Objects outside the namespace (cluster-scoped) or cluster-wide RBAC: the operator must agree to touch them.</summary>
    public IReadOnlyList<PlanObjectView> ClusterScoped => [.. Objects.Where(o => o.Plan.IsChange && (o.Key.Namespace is null || o.Key.Kind.StartsWith("Cluster", StringComparison.Ordinal)))];

    public bool ConsentGiven =>
        (!NeedsAdopt || AdoptConsent) && (!HasConflicts || ForceConflictsConsent) && (ClusterScoped.Count == 0 || ClusterAccessConsent);

    public bool CanApply(ClaimsPrincipal? user) => Plan is not null && ConsentGiven && ConsoleUsers.CanMutate(user);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Change = pending.Current;
        if (Change is null)
        {
            return;
        }

        Reason = Change.Reason ?? string.Empty;
        IsLoading = true;
        Error = null;
        try
        {
            var context = await sessions.GetAsync(Change.Context, cancellationToken);
            var request = await requests.BuildAsync(context, Change, cancellationToken);
            Plan = await new DiffOperation(context).RunAsync(request, new PlanOptions(), cancellationToken);
            Objects = [.. Plan.Objects.Select(PlanObjectView.From)];
            Selected = Visible.FirstOrDefault();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reference = Guid.NewGuid().ToString("N")[..12];
            LogPlanFailed(ex, reference, Change.Release);
            Error = $"The plan could not be computed: {Friendly(ex)} (reference {reference}).";
        }
        finally
        {
            IsLoading = false;
        }
    }

    public void Select(PlanObjectView view) => Selected = view;

    public int Count(PlanAction action) => Objects.Count(o => o.Action == action);

    /// <summary>Starts the operation; the server refuses viewers even if the button was enabled.</summary>
    public RunningOperation Apply(ClaimsPrincipal? user)
    {
        ConsoleUsers.EnsureCanMutate(user);
        if (Change is null || Plan is null)
        {
            throw new InvalidOperationException("there is no plan to apply");
        }

        if (!ConsentGiven)
        {
            throw new InvalidOperationException("the plan needs consent before it can be applied");
        }

        var operation = runner.Start(user, new OperationStart(Change)
        {
            Adopt = AdoptConsent,
            ForceConflicts = ForceConflictsConsent,
            Reason = Reason,
        });
        pending.Clear();
        return operation;
    }

    private static string Friendly(Exception ex) => ex switch
    {
        InvalidOperationException or ArgumentException or Core.Cluster.KubeApiException => ex.Message,
        _ => "the cluster could not be reached",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Plan {Reference} for release {Release} failed")]
    private partial void LogPlanFailed(Exception ex, string reference, string release);
}
