using Microsoft.Extensions.Options;

namespace RunnerConsole.Auth;

/// <summary>Sign-in tokens from the environment; an absent operator token means "generate one at start".</summary>
public sealed class AccessTokenOptions
{
    public const string OperatorTokenVariable = "RUNNER_CONSOLE_TOKEN";
    public const string ViewerTokenVariable = "RUNNER_CONSOLE_VIEWER_TOKEN";
    public const int MinimumLength = 16;

    public string? OperatorToken { get; set; }

    public string? ViewerToken { get; set; }
}

/// <summary>Rejects weak or ambiguous tokens at start, naming every problem at once.</summary>
public sealed class AccessTokenOptionsValidator : IValidateOptions<AccessTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessTokenOptions options)
    {
        var errors = new List<string>();
        if (options.OperatorToken is { Length: > 0 } op && op.Length < AccessTokenOptions.MinimumLength)
        {
            errors.Add($"{AccessTokenOptions.OperatorTokenVariable}: must be at least {AccessTokenOptions.MinimumLength} characters, got {op.Length}");
        }

        if (options.ViewerToken is { Length: > 0 } viewer && viewer.Length < AccessTokenOptions.MinimumLength)
        {
            errors.Add($"{AccessTokenOptions.ViewerTokenVariable}: must be at least {AccessTokenOptions.MinimumLength} characters, got {viewer.Length}");
        }

        if (!string.IsNullOrEmpty(options.ViewerToken) && string.Equals(options.ViewerToken, options.OperatorToken, StringComparison.Ordinal))
        {
            errors.Add($"{AccessTokenOptions.ViewerTokenVariable}: must differ from {AccessTokenOptions.OperatorTokenVariable}, or a viewer would sign in as operator");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
