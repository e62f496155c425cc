using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RunnerConsole.Auth;
using RunnerConsole.Hosting;

namespace RunnerConsole.Components.Pages;

public sealed partial class Settings
{
    [Inject]
    public required KubeconfigLocation Kubeconfig { get; init; }

    [Inject]
    public required AccessTokens Tokens { get; init; }

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    private string Role { get; set; } = string.Empty;

    private static string Version =>
        typeof(Settings).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    protected override async Task OnInitializedAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        Role = user?.IsInRole(ConsoleRoles.Operator) == true ? "Operator" : "Viewer (read-only)";
    }
}
