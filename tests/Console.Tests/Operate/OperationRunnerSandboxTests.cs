using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Console.Tests.Operate;

/// <summary>The operate services against the real in-process sandbox: install, upgrade via the plan, rollback, uninstall.</summary>
public sealed class OperationRunnerSandboxTests(OperateSandbox sandbox) : IClassFixture<OperateSandbox>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_Install_RecordsEventsAndReleaseIsListedHealthy()
    {
        var operation = await sandbox.InstallAsync("listed");

        Assert.True(operation.State == OperationState.Succeeded, operation.Result?.Message ?? operation.FailureMessage);
        Assert.Contains(operation.Events, e => e is ObjectApplied { Key.Kind: "Deployment" });
        Assert.Contains(operation.Events, e => e is ObjectReady);
        Assert.Single(operation.Events.OfType<OperationFinished>());
        Assert.Same(operation, sandbox.Runner.Find(operation.Id));

        var list = sandbox.Get<ReleasesModel>();
        list.Initialize(OperateSandbox.Context);
        await list.LoadAsync(Ct);
        var row = Assert.Single(list.Rows, r => r.Name == "listed");
        Assert.Equal(1, row.Revision);
        Assert.Equal(ReleaseStatus.Deployed, row.Status);
        Assert.Equal("operator", row.ChangedBy);
        Assert.Equal(ReleaseHealth.Healthy, (await list.CheckHealthAsync(row, Ct)).Health);
        Assert.True(row.UpgradeAvailable);
    }

    [Fact]
    public async Task Subscribe_AfterFinish_ReplaysSameEventsAsLive()
    {
        var operation = await sandbox.InstallAsync("replayed");
        using var progress = sandbox.Get<ProgressModel>();

        Assert.True(progress.Attach(operation.Id));

        Assert.False(progress.IsRunning);
        Assert.True(progress.Succeeded);
        Assert.Equal(operation.Events.Count, progress.EventCount);
        Assert.Contains(progress.Steps, s => s.Name == "apply workloads" && s.Done == s.Objects);
        Assert.All(progress.Workloads, w => Assert.True(w.IsReady, w.ToString()));
        Assert.Equal([ReleaseStatus.PendingInstall, ReleaseStatus.Deployed], progress.Revisions.Select(r => r.Status));
    }

    [Fact]
    public async Task PlanThenApply_UpgradeRollbackUninstall_FollowsTheHistory()
    {
        await sandbox.InstallAsync("cycle");
        using var circuit = sandbox.Circuit();
        var pending = circuit.ServiceProvider.GetRequiredService<PendingChange>();

        // Upgrade: a changed environment and a new customer secret; the plan shows both, never the secret.
        pending.SetUpgrade(OperateSandbox.Values(environment: "staging", seed: "PLANTEDOTHERSEED"), OperateSandbox.Context, OperateSandbox.Ns("cycle"), "cycle");
        var plan = circuit.ServiceProvider.GetRequiredService<PlanModel>();
        await plan.LoadAsync(Ct);
        Assert.Null(plan.Error);
        Assert.True(plan.Plan!.Summary.Changed > 0);
        var secret = plan.Objects.First(o => o.Key.Kind == "Secret" && o.Plan.SecretKeys.Any(k => k.State == SecretKeyState.Changed));
        Assert.NotEqual(secret.LiveText, secret.DesiredText);
        var everything = string.Join("\n", plan.Objects.Select(o => o.LiveText + o.DesiredText + string.Join("\n", o.Plan.Changes)));
        Assert.DoesNotContain("PLANTED", everything);
        Assert.Contains("staging", everything);
        plan.Reason = "move to staging";
        var upgrade = plan.Apply(OperateSandbox.Operator);
        Assert.Null(pending.Current);
        await OperateSandbox.FinishedAsync(upgrade);
        Assert.True(upgrade.State == OperationState.Succeeded, upgrade.Result?.Message ?? upgrade.FailureMessage);

        // Rollback to 1 through the same screen.
        var detail = OperateSandbox.Detail(circuit);
        await detail.LoadAsync(OperateSandbox.Context, OperateSandbox.Ns("cycle"), "cycle", Ct);
        Assert.Equal([2, 1], detail.History.Select(h => h.Revision));
        Assert.EndsWith("move to staging", detail.History[0].Description);
        Assert.DoesNotContain("PLANTED", detail.ManifestOf(1));
        Assert.DoesNotContain("PLANTED", detail.ValuesOf(1));
        detail.PrepareRollback(OperateSandbox.Operator, 1);
        var rollbackPlan = circuit.ServiceProvider.GetRequiredService<PlanModel>();
        await rollbackPlan.LoadAsync(Ct);
        Assert.True(rollbackPlan.Plan!.Summary.Changed > 0);
        var rollback = rollbackPlan.Apply(OperateSandbox.Operator);
        await OperateSandbox.FinishedAsync(rollback);
        Assert.Equal(OperationState.Succeeded, rollback.State);

        await detail.LoadAsync(OperateSandbox.Context, OperateSandbox.Ns("cycle"), "cycle", Ct);
        Assert.Equal((3, ReleaseStatus.Deployed), (detail.History[0].Revision, detail.History[0].Status));
        Assert.StartsWith("Rollback to 1", detail.History[0].Description);

        // Uninstall: the typed name must match.
        Assert.Throws<InvalidOperationException>(() => detail.Uninstall(OperateSandbox.Operator, "cycl", keepHistory: false, null));
        var uninstall = detail.Uninstall(OperateSandbox.Operator, "cycle", keepHistory: false, "done");
        await OperateSandbox.FinishedAsync(uninstall);
        Assert.Equal(OperationState.Succeeded, uninstall.State);
        await detail.LoadAsync(OperateSandbox.Context, OperateSandbox.Ns("cycle"), "cycle", Ct);
        Assert.False(detail.Exists);
    }

    [Fact]
    public async Task Viewer_EveryMutation_IsRefusedByTheServices()
    {
        await sandbox.InstallAsync("guarded");
        using var circuit = sandbox.Circuit();
        var detail = OperateSandbox.Detail(circuit);
        await detail.LoadAsync(OperateSandbox.Context, OperateSandbox.Ns("guarded"), "guarded", Ct);
        var viewer = OperateSandbox.Viewer;

        Assert.Throws<OperationRefusedException>(() => sandbox.Runner.Start(viewer, new OperationStart(new ProposedChange(ChangeKind.Uninstall, OperateSandbox.Context, OperateSandbox.Ns("guarded"), "guarded"))));
        Assert.Throws<OperationRefusedException>(() => detail.Uninstall(viewer, "guarded", keepHistory: false, null));
        Assert.Throws<OperationRefusedException>(() => detail.Recover(viewer, null));
        Assert.Throws<OperationRefusedException>(() => detail.PrepareUpgrade(viewer));
        Assert.Throws<OperationRefusedException>(() => detail.PrepareRollback(viewer, 1));
        var pending = circuit.ServiceProvider.GetRequiredService<PendingChange>();
        pending.SetUpgrade(OperateSandbox.Values(environment: "qa"), OperateSandbox.Context, OperateSandbox.Ns("guarded"), "guarded");
        var plan = circuit.ServiceProvider.GetRequiredService<PlanModel>();
        await plan.LoadAsync(Ct);
        Assert.False(plan.CanApply(viewer));
        Assert.Throws<OperationRefusedException>(() => plan.Apply(viewer));

        await detail.LoadAsync(OperateSandbox.Context, OperateSandbox.Ns("guarded"), "guarded", Ct);
        Assert.Equal([1], detail.History.Select(h => h.Revision));
        Assert.Equal(ReleaseStatus.Deployed, detail.Latest!.Status);
    }
}
