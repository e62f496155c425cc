using Microsoft.AspNetCore.Components;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Components.Pages.Releases;

/// <summary>Every runner release of the selected context, with health and "upgrade available".</summary>
public sealed partial class Releases
{
    private readonly CancellationTokenSource _disposed = new();

    [Inject]
    public required ReleasesModel Model { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required OperationRunner Runner { get; init; }

    [SupplyParameterFromQuery(Name = "context")]
    public string? ContextQuery { get; set; }

    private string TableHeight => Model.Rows.Count > 12 ? "70vh" : string.Empty;

    protected override async Task OnInitializedAsync()
    {
        Model.Initialize(ContextQuery);
        Model.Changed += OnChanged;
        Runner.StateChanged += OnOperationChanged;
        await LoadAsync();
    }

    public void Dispose()
    {
        Model.Changed -= OnChanged;
        Runner.StateChanged -= OnOperationChanged;
        Model.Close();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task SelectContextAsync(string context)
    {
        Navigation.NavigateTo($"{ReleaseLinks.List}?context={Uri.EscapeDataString(context)}", replace: true);
        await Model.SelectContextAsync(context, _disposed.Token);
    }

    private Task RefreshAsync() => LoadAsync();

    // Health is not part of the load: each row's cell asks for it while the row is on screen.
    private Task LoadAsync() => Model.LoadAsync(_disposed.Token);

    // Already throttled by the model: one render for every batch of health results.
    private void OnChanged() => _ = InvokeAsync(StateHasChanged);

    // A finished install, upgrade or uninstall in this context changes the list: reload it.
    private void OnOperationChanged(RunningOperation operation)
    {
        if (operation.State != OperationState.Running && operation.Change.Context == Model.Context && !_disposed.IsCancellationRequested)
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private string When(DateTimeOffset? at) => ReleaseTime.Relative(at, Time.GetUtcNow());
}
