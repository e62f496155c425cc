using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RunnerConsole.Components.Dialogs;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Components.Pages.Releases;

/// <summary>One release: health, history and its actions. Every action is also checked by the model and the runner.</summary>
public sealed partial class ReleaseDetail : IDisposable
{
    [Parameter]
    public required string Context { get; set; }

    [Parameter]
    public required string Namespace { get; set; }

    [Parameter]
    public required string Name { get; set; }

    [Inject]
    public required ReleaseDetailModel Model { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required OperationRunner Runner { get; init; }

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    private ClaimsPrincipal? User { get; set; }

    private bool CanMutate => ReleaseDetailModel.CanMutate(User);

    private bool Busy => Model.RunningOperation is not null || Model.Latest?.Status.IsPending() == true;

    private List<BreadcrumbItem> Breadcrumbs => [new("Releases", ReleaseLinks.List), new(Name, href: null, disabled: true)];

    protected override void OnInitialized() => Runner.StateChanged += OnOperationChanged;

    public void Dispose() => Runner.StateChanged -= OnOperationChanged;

    // Another tab (or this one) started or finished an operation on this release: show its outcome here too.
    private void OnOperationChanged(RunningOperation operation)
    {
        if (operation.Change.Context == Context && operation.Change.Namespace == Namespace && operation.Change.Release == Name)
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        User = AuthenticationState is null ? null : (await AuthenticationState).User;
        await LoadAsync();
    }

    private Task LoadAsync() => Model.LoadAsync(Context, Namespace, Name, CancellationToken.None);

    private void Upgrade() => Guarded(() =>
    {
        if (Model.PrepareUpgrade(User))
        {
            Navigation.NavigateTo(PendingChange.PlanPath);
        }
        else
        {
            Snackbar.Add("The deployed values could not be read back; use Edit values.", Severity.Warning);
        }
    });

    private void EditValues() => Guarded(() =>
    {
        if (Model.PrepareEditValues(User))
        {
            Navigation.NavigateTo("/install");
        }
        else
        {
            Snackbar.Add("The deployed values could not be read back.", Severity.Warning);
        }
    });

    private void Rollback(int revision) => Guarded(() =>
    {
        Model.PrepareRollback(User, revision);
        Navigation.NavigateTo(PendingChange.PlanPath);
    });

    private async Task UninstallAsync()
    {
        var dialog = await Dialogs.ShowAsync<UninstallDialog>($"Uninstall {Name}", new DialogParameters<UninstallDialog>
        {
            { d => d.ReleaseName, Name },
            { d => d.Namespace, Namespace },
            { d => d.Preview, Model.UninstallPreview() },
        });
        if (await dialog.Result is { Canceled: false, Data: UninstallChoice choice })
        {
            Guarded(() => Navigation.NavigateTo(ReleaseLinks.Operation(Model.Uninstall(User, choice.TypedName, choice.KeepHistory, choice.Reason).Id)));
        }
    }

    private async Task RecoverAsync()
    {
        var dialog = await Dialogs.ShowAsync<ReasonDialog>("Recover", new DialogParameters<ReasonDialog>
        {
            { d => d.Title, $"Recover {Name}" },
            { d => d.Message, "Marks the stuck revision failed so that upgrade or rollback can run again." },
            { d => d.ConfirmText, "Recover" },
        });
        if (await dialog.Result is { Canceled: false, Data: string reason })
        {
            Guarded(() => Navigation.NavigateTo(ReleaseLinks.Operation(Model.Recover(User, reason).Id)));
        }
    }

    private Task ShowManifestAsync(int revision) => Dialogs.ShowAsync<TextDialog>($"Manifest of revision {revision}", new DialogParameters<TextDialog>
    {
        { d => d.Title, $"Manifest of revision {revision} (secrets masked)" },
        { d => d.Text, Model.ManifestOf(revision) },
    }, Large);

    private Task ShowValuesAsync(int revision) => Dialogs.ShowAsync<TextDialog>($"Values of revision {revision}", new DialogParameters<TextDialog>
    {
        { d => d.Title, $"Values of revision {revision} (secrets redacted)" },
        { d => d.Text, Model.ValuesOf(revision) },
        { d => d.EmptyMessage, "This revision's values cannot be shown (it was not made by the console)." },
    }, Large);

    private async Task ShowDiffAsync(int revision)
    {
        if (Model.DiffAgainstCurrent(revision) is { } comparison)
        {
            await Dialogs.ShowAsync<DiffDialog>(comparison.Title, new DialogParameters<DiffDialog> { { d => d.Comparison, comparison } }, Large);
        }
    }

    private static DialogOptions Large => new() { MaxWidth = MaxWidth.ExtraLarge, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true };

    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is OperationRefusedException or InvalidOperationException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }
}
