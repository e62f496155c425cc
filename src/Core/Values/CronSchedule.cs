using System.Globalization;

namespace RunnerConsole.Core.Values;

/// <summary>Kubernetes CronJob schedules: five fields (minute hour day-of-month month day-of-week) or a macro such as <c>@hourly</c>.</summary>
public static class CronSchedule
{
    private static readonly string[] Macros = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, Months),
        ("day of week", 0, 7, Days),
    ];

    /// <summary>Null when <paramref name="schedule"/> is valid, else the reason.</summary>
    public static string? Check(string schedule)
    {
        if (schedule.StartsWith('@'))
        {
            return Macros.Contains(schedule, StringComparer.Ordinal) ? null : $"unknown schedule macro '{schedule}'";
        }

        var parts = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return $"must be a cron schedule with 5 fields (minute hour day-of-month month day-of-week), got {parts.Length}";
        }

        for (var i = 0; i < 5; i++)
        {
            if (!FieldIsValid(parts[i], Fields[i]))
            {
                var (name, min, max, _) = Fields[i];
                return $"{name} field '{parts[i]}' is not valid (expected *, */n, a, a-b or lists of them, within {min}-{max})";
            }
        }

        return null;
    }

    private static bool FieldIsValid(string field, (string Name, int Min, int Max, string[]? Names) spec) =>
        field.Split(',').All(item => ItemIsValid(item, spec));

    private static bool ItemIsValid(string item, (string Name, int Min, int Max, string[]? Names) spec)
    {
        var slash = item.IndexOf('/');
        var range = slash >= 0 ? item[..slash] : item;
        if (slash >= 0 && !(int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0))
        {
            return false;
        }

        if (range is "*" or "?")
        {
            return true;
        }

        var dash = range.IndexOf('-');
        if (dash < 0)
        {
            return Value(range, spec) is not null;
        }

        return Value(range[..dash], spec) is { } from && Value(range[(dash + 1)..], spec) is { } to && from <= to;
    }

    private static int? Value(string text, (string Name, int Min, int Max, string[]? Names) spec)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= spec.Min && n <= spec.Max ? n : null;
        }

        var index = spec.Names is null ? -1 : Array.IndexOf(spec.Names, text.ToUpperInvariant());
        return index < 0 ? null : index + (spec.Names == Months ? 1 : 0);
    }
}
