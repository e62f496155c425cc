using System.Security.Claims;
using RunnerConsole.Auth;

namespace RunnerConsole.Components.Layout;

public sealed partial class MainLayout
{
    private SharedThemeProvider? _themeProvider;
    private bool _drawerOpen = true;
    private bool _systemPreferenceRead;

    public bool IsDarkMode { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && !_systemPreferenceRead && _themeProvider is not null)
        {
            // Follow the operator's OS preference until they pick one here.
            _systemPreferenceRead = true;
            IsDarkMode = await _themeProvider.GetSystemDarkModeAsync();
            StateHasChanged();
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private void ToggleDarkMode() => IsDarkMode = !IsDarkMode;

    private static string RoleLabel(ClaimsPrincipal user) =>
        user.IsInRole(ConsoleRoles.Operator) ? "Operator" : "Viewer (read-only)";
}
