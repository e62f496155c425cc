using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RunnerConsole.Auth;

/// <summary>Holds the sign-in tokens of this process and tells which role a presented token grants.</summary>
public sealed class AccessTokens
{
    private readonly byte[] _operator;
    private readonly byte[]? _viewer;

    public AccessTokens(IOptions<AccessTokenOptions> options)
    {
        var value = options.Value;
        OperatorTokenWasGenerated = string.IsNullOrEmpty(value.OperatorToken);
        OperatorToken = OperatorTokenWasGenerated ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : value.OperatorToken!;
        _operator = Encoding.UTF8.GetBytes(OperatorToken);
        _viewer = string.IsNullOrEmpty(value.ViewerToken) ? null : Encoding.UTF8.GetBytes(value.ViewerToken);
    }

    /// <summary>The operator token, needed to print the sign-in URL once at start.</summary>
    public string OperatorToken { get; }

    public bool OperatorTokenWasGenerated { get; }

    public bool ViewerEnabled => _viewer is not null;

    /// <summary>The role <paramref name="presented"/> grants, or null when it matches no token (compared in constant time).</summary>
    public string? RoleFor(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(presented.Trim());
        if (CryptographicOperations.FixedTimeEquals(bytes, _operator))
        {
            return ConsoleRoles.Operator;
        }

        return _viewer is not null && CryptographicOperations.FixedTimeEquals(bytes, _viewer) ? ConsoleRoles.Viewer : null;
    }
}
