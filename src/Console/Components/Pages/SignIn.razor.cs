using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using RunnerConsole.Auth;

namespace RunnerConsole.Components.Pages;

public sealed partial class SignIn
{
    public const string RefusedMessage =
        "That token was not accepted. Use the sign-in URL printed by runner-console at start, or RUNNER_CONSOLE_TOKEN.";

    [Inject]
    public required AccessTokens Tokens { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ILogger<SignIn> Logger { get; init; }

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "token")]
    public string? QueryToken { get; set; }

    [SupplyParameterFromQuery(Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    [SupplyParameterFromForm(FormName = "signin")]
    public SignInInput? Input { get; set; }

    private string? Refusal { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new SignInInput();
        if (HttpContext is { } http && HttpMethods.IsGet(http.Request.Method) && QueryToken is not null)
        {
            await TrySignInAsync(http, QueryToken, ReturnUrl);
        }
    }

    private async Task SubmitAsync()
    {
        if (HttpContext is { } http)
        {
            await TrySignInAsync(http, Input?.Token, Input?.ReturnUrl);
        }
    }

    private async Task TrySignInAsync(HttpContext http, string? token, string? returnUrl)
    {
        var role = Tokens.RoleFor(token);
        if (role is null)
        {
            Logger.LogWarning("Sign-in refused from {RemoteAddress}: token not recognised", http.Connection.RemoteIpAddress);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            Refusal = RefusedMessage;
            return;
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        Logger.LogInformation("Signed in as {Role} from {RemoteAddress}", role, http.Connection.RemoteIpAddress);
        Navigation.NavigateTo(SafeReturnUrl(returnUrl), forceLoad: true);
    }

    // Only same-site paths: an open redirect would let a link to the console send the operator anywhere.
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    public sealed class SignInInput
    {
        public string? Token { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
