using System.Globalization;

namespace RunnerConsole.Model.Releases;

/// <summary>"5 min ago" style times, with the absolute UTC time for anything older than a day.</summary>
public static class ReleaseTime
{
    public static string Relative(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } when)
        {
            return "—";
        }

        var age = now - when;
        return age.TotalSeconds switch
        {
            < 60 => "just now",
            < 3600 => $"{(int)age.TotalMinutes} min ago",
            < 86400 => $"{(int)age.TotalHours} h ago",
            _ => when.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        };
    }
}
