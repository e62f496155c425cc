namespace RunnerConsole.Auth;

/// <summary>The two roles of the console: operators change clusters, viewers only look.</summary>
public static class ConsoleRoles
{
    public const string Operator = "operator";
    public const string Viewer = "viewer";
    public const string OperatorPolicy = "operator-only";
}
