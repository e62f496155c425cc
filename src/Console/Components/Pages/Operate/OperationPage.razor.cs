using Microsoft.AspNetCore.Components;
using MudBlazor;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.Components.Pages.Operate;

/// <summary>Live progress of one operation; a reload re-attaches to the same run by id.</summary>
public sealed partial class OperationPage
{
    private ITimer? _clock;
    private bool _snackbarShown;

    [Parameter]
    public required string Id { get; set; }

    [Inject]
    public required ProgressModel Model { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    private string StateLabel => Model.IsRunning ? "running" : Model.Succeeded ? "succeeded" : "failed";

    private Color StateColor => Model.IsRunning ? Color.Info : Model.Succeeded ? Color.Success : Color.Error;

    protected override void OnInitialized()
    {
        if (Model.Attach(Id))
        {
            _snackbarShown = !Model.IsRunning;
            Model.Changed += OnChanged;
            // Elapsed time ticks while the operation runs.
            _clock = Time.CreateTimer(_ => OnChanged(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose()
    {
        Model.Changed -= OnChanged;
        _clock?.Dispose();
        Model.Dispose();
    }

    private void OnChanged() => _ = InvokeAsync(() =>
    {
        if (!Model.IsRunning)
        {
            _clock?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (!_snackbarShown)
            {
                _snackbarShown = true;
                Snackbar.Add(Model.Succeeded ? $"{Model.Operation?.Change.Title}: done" : $"{Model.Operation?.Change.Title}: failed", Model.Succeeded ? Severity.Success : Severity.Error);
            }
        }

        StateHasChanged();
    });

    private static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? elapsed.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : elapsed.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static Color ReadinessColor(ReadinessState state) => state switch
    {
        ReadinessState.Ready => Color.Success,
        ReadinessState.Progressing => Color.Info,
        _ => Color.Error,
    };
}
