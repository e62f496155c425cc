using System.Globalization;
using System.Text.RegularExpressions;

namespace RunnerConsole.Core.Values;

/// <summary>Kubernetes resource quantities (<c>100m</c>, <c>0.5</c>, <c>256Mi</c>, <c>1e3</c>).</summary>
public static partial class Quantity
{
    /// <summary>The quantity as a number of base units (cores, bytes), or null when it is not a quantity.</summary>
    public static decimal? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var suffix = match.Groups["suffix"].Value;
        try
        {
            return suffix switch
            {
                "" => number,
                "m" => number / 1000m,
                "k" => number * 1e3m,
                "M" => number * 1e6m,
                "G" => number * 1e9m,
                "T" => number * 1e12m,
                "P" => number * 1e15m,
                "E" => number * 1e18m,
                "Ki" => number * 1024m,
                "Mi" => number * 1024m * 1024m,
                "Gi" => number * 1024m * 1024m * 1024m,
                "Ti" => number * 1024m * 1024m * 1024m * 1024m,
                "Pi" => number * 1024m * 1024m * 1024m * 1024m * 1024m,
                "Ei" => number * 1024m * 1024m * 1024m * 1024m * 1024m * 1024m,
                _ when suffix.StartsWith('e') || suffix.StartsWith('E') => number * Pow10(int.Parse(suffix[1..], CultureInfo.InvariantCulture)),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Null when <paramref name="text"/> is a valid CPU quantity, else the reason.</summary>
    public static string? CheckCpu(string text) =>
        Parse(text) is { } cores && cores > 0
            ? null
            : $"must be a CPU quantity such as 100m or 0.5, got '{text}'";

    /// <summary>Null when <paramref name="text"/> is a valid memory quantity, else the reason (catches "256m" meant as MiB).</summary>
    public static string? CheckMemory(string text)
    {
        if (Parse(text) is not { } bytes || bytes <= 0)
        {
            return $"must be a memory quantity such as 256Mi or 1Gi, got '{text}'";
        }

        return text.EndsWith('m')
            ? $"'{text}' means milli-bytes; did you mean '{text[..^1]}Mi'?"
            : null;
    }

    private static decimal Pow10(int exponent)
    {
        if (exponent is < -18 or > 18)
        {
            throw new OverflowException();
        }

        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10m;
        }

        return exponent < 0 ? 1m / result : result;
    }

    [GeneratedRegex("^(?<number>[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+))(?<suffix>m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+)?$")]
    private static partial Regex Pattern();
}
