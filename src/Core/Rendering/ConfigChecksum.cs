using System.Security.Cryptography;
using System.Text;

namespace RunnerConsole.Core.Rendering;

/// <summary>SHA-256 of configuration text, put on pod templates so a config change rolls the pods.</summary>
internal static class ConfigChecksum
{
    public static string Of(params string[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
