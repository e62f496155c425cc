using System.Security.Claims;
using RunnerConsole.Auth;

namespace RunnerConsole.Model.Operate;

/// <summary>What the signed-in user may do, decided in one place for the UI and the services.</summary>
public static class ConsoleUsers
{
    public static bool CanMutate(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.IsInRole(ConsoleRoles.Operator);

    /// <summary>The name recorded with a revision (who ran it).</summary>
    public static string NameOf(ClaimsPrincipal? user) => user?.Identity?.Name is { Length: > 0 } name ? name : "unknown";

    /// <summary>Throws <see cref="OperationRefusedException"/> unless <paramref name="user"/> is an operator.</summary>
    public static void EnsureCanMutate(ClaimsPrincipal? user)
    {
        if (!CanMutate(user))
        {
            throw new OperationRefusedException("Only operators can change a cluster; you are signed in as a viewer.");
        }
    }
}
