using System.Globalization;
using System.Text.RegularExpressions;

namespace RunnerConsole.Core.Values;

/// <summary>Durations as the runner's Go components read them: <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>168h</c>.</summary>
public static partial class GoDuration
{
    /// <summary>The duration, or null when <paramref name="text"/> is not one (units ms, s, m, h; no sign).</summary>
    public static TimeSpan? Parse(string text)
    {
        if (text.Length == 0 || !Pattern().IsMatch(text))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(text))
        {
            if (!long.TryParse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1_000_000_000)
            {
                return null;
            }

            total += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }

        return total;
    }

    [GeneratedRegex("^([0-9]+(ms|s|m|h))+$")]
    private static partial Regex Pattern();

    [GeneratedRegex("([0-9]+)(ms|s|m|h)")]
    private static partial Regex Part();
}
