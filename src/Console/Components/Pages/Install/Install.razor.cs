using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RunnerConsole.Auth;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Preview;
using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Components.Pages.Install;

/// <summary>The install wizard page: binds <see cref="InstallWizardModel"/> to the stepper and the preview.</summary>
public sealed partial class Install : IDisposable
{
    /// <summary>Where the reviewed install continues (the diff stage, owned by another part).</summary>
    public const string PlanRoute = "/install/plan";

    private readonly CancellationTokenSource _lifetime = new();
    private MudStepper? _stepper;
    private bool _isOperator;
    private bool _disposed;
    private ProposedChange? _upgradeOf;

    [Inject]
    public required InstallWizardModel Model { get; init; }

    [Inject]
    public required IWizardStateStore StateStore { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required PendingChange Pending { get; init; }

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    public void Dispose()
    {
        // MudStepper reports index changes while its steps are torn down; those must not move or save the wizard.
        _disposed = true;
        Model.Changed -= OnModelChanged;
        Model.Preview.Updated -= OnPreviewUpdated;
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _isOperator = (await AuthenticationState).User.IsInRole(ConsoleRoles.Operator);
        }

        Model.Changed += OnModelChanged;
        Model.Preview.Updated += OnPreviewUpdated;
        if (Model.Cluster.Choices.Count == 0)
        {
            await Model.Cluster.LoadAsync(_lifetime.Token);
        }

        // "Edit values" on a release page: the wizard starts from the deployed values and ends in an upgrade.
        if (Pending.Current is { Kind: ChangeKind.Upgrade, Values: { } deployed } upgrade && !Model.IsDirty)
        {
            _upgradeOf = upgrade;
            await Model.StartFromAsync(deployed, upgrade.Context, upgrade.Namespace, upgrade.Release, _lifetime.Token);
        }

        if (Model.Preview.Current == PreviewResult.Pending)
        {
            _ = Model.RefreshPreviewAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Session storage is reachable only once the circuit runs; a wizard already used in this circuit wins over it.
        if (!firstRender || Model.IsDirty)
        {
            return;
        }

        if (await StateStore.LoadAsync(_lifetime.Token) is { } snapshot)
        {
            await Model.RestoreAsync(snapshot, _lifetime.Token);
            Snackbar.Add(
                snapshot.RemovedSecrets.Count > 0 ? "Form restored. Secrets are not kept in the browser: enter them again." : "Form restored.",
                Severity.Info);
        }
    }

    private bool HasVisibleError(WizardStep step) =>
        (int)step < Model.StepIndex && !Model.CanLeave(step);

    private async Task NextAsync()
    {
        if (Model.CanLeave(Model.Step) && _stepper is not null)
        {
            await _stepper.NextStepAsync();
        }
    }

    private async Task BackAsync()
    {
        if (_stepper is not null)
        {
            await _stepper.PreviousStepAsync();
        }
    }

    private void OnActiveIndexChanged(int index)
    {
        if (_disposed)
        {
            return;
        }

        Model.GoTo(index);
        Save();
    }

    // Header clicks may go back freely, forward only across steps that are complete.
    private Task OnPreviewInteraction(StepperInteractionEventArgs args)
    {
        var target = args.Action == StepAction.Complete ? Model.StepIndex + 1 : args.StepIndex;
        if (target > Model.StepIndex && Enumerable.Range(0, target).Any(i => !Model.CanLeave((WizardStep)i)))
        {
            args.Cancel = true;
        }

        return Task.CompletedTask;
    }

    private async Task ContinueToDiff()
    {
        if (!_isOperator || !Model.IsReadyForReview)
        {
            return;
        }

        var handoff = Model.CompleteReview();
        if (_upgradeOf is not null && handoff.ReleaseName == _upgradeOf.Release && handoff.Namespace == _upgradeOf.Namespace && handoff.Context == _upgradeOf.Context)
        {
            Pending.SetUpgrade(handoff.Values, handoff.Context, handoff.Namespace, handoff.ReleaseName);
        }
        else
        {
            Pending.SetInstall(handoff.Values, handoff.Context, handoff.Namespace, handoff.ReleaseName);
        }

        await InvokeAsync(() => Navigation.NavigateTo(PlanRoute));
    }

    private void OnModelChanged()
    {
        _ = InvokeAsync(StateHasChanged);
        Save();
    }

    // The preview panel follows the preview by itself; the page only shows the policy summary on the review step.
    private void OnPreviewUpdated()
    {
        if (Model.Step == WizardStep.Review)
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private void Save()
    {
        if (Model.IsDirty && !_disposed)
        {
            _ = StateStore.SaveAsync(Model.ToSnapshot(), _lifetime.Token);
        }
    }
}
