using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RunnerConsole.Core.Planning;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Components.Pages.Operate;

/// <summary>Diff before apply: nothing is applied without passing this screen.</summary>
public sealed partial class PlanPage
{
    private static readonly (PlanAction, Color)[] SummaryChips =
    [
        (PlanAction.Add, Color.Success), (PlanAction.Change, Color.Info), (PlanAction.Remove, Color.Error),
        (PlanAction.Unchanged, Color.Default), (PlanAction.NeedsAdopt, Color.Warning), (PlanAction.Conflict, Color.Error),
    ];

    [Inject]
    public required PlanModel Model { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    private ClaimsPrincipal? User { get; set; }

    private bool CanMutate => ConsoleUsers.CanMutate(User);

    protected override async Task OnInitializedAsync()
    {
        User = AuthenticationState is null ? null : (await AuthenticationState).User;
        await Model.LoadAsync(CancellationToken.None);
    }

    private Task ReloadAsync() => Model.LoadAsync(CancellationToken.None);

    private void Select(PlanObjectView? view)
    {
        if (view is not null)
        {
            Model.Select(view);
        }
    }

    private void ToggleChangesOnly(bool value) => Model.ChangesOnly = value;

    private void Apply()
    {
        try
        {
            var operation = Model.Apply(User);
            Navigation.NavigateTo(ReleaseLinks.Operation(operation.Id));
        }
        catch (Exception ex) when (ex is OperationRefusedException or InvalidOperationException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private void Cancel()
    {
        var change = Model.Change;
        Navigation.NavigateTo(change is null || change.Kind == ChangeKind.Install ? "/install" : ReleaseLinks.Detail(change.Context, change.Namespace, change.Release));
    }

    private static Color ColorOf(PlanAction action) => action switch
    {
        PlanAction.Add => Color.Success,
        PlanAction.Change => Color.Info,
        PlanAction.Remove or PlanAction.Conflict => Color.Error,
        PlanAction.NeedsAdopt => Color.Warning,
        _ => Color.Default,
    };
}
