namespace RunnerConsole.Core.Catalog;

/// <summary>The Kubernetes minor versions a runner version is supported on, inclusive (<c>1.29</c>–<c>1.35</c>).</summary>
public sealed record KubernetesRange(int MinMinor, int MaxMinor)
{
    /// <summary>True when <paramref name="gitVersion"/> (<c>v1.35.0</c>, <c>1.31</c>, <c>v1.30.2-eks-1</c>) is a 1.x inside the range.</summary>
    public bool Supports(string gitVersion)
    {
        var minor = ParseMinor(gitVersion);
        return minor is { } m && m >= MinMinor && m <= MaxMinor;
    }

    /// <summary>The minor version of a Kubernetes version string, or null when it is not 1.x.</summary>
    public static int? ParseMinor(string gitVersion)
    {
        var text = gitVersion.TrimStart('v', 'V');
        var parts = text.Split('.');
        if (parts.Length < 2 || parts[0] != "1")
        {
            return null;
        }

        var digits = new string(parts[1].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor) ? minor : null;
    }

    public override string ToString() => $"1.{MinMinor}–1.{MaxMinor}";
}
