namespace RunnerConsole.Core.Values;

/// <summary>Checks a <see cref="RunnerValues"/> and reports every problem at once, each naming its key path.</summary>
public static class ValuesValidator
{
    /// <summary>All errors of <paramref name="values"/>; empty when it can be rendered.</summary>
    public static IReadOnlyList<ValuesError> Validate(RunnerValues values)
    {
        return [];
    }

    /// <summary>The errors at <paramref name="pathPrefix"/> or below it (for one form field or section).</summary>
    public static IReadOnlyList<ValuesError> Validate(RunnerValues values, string pathPrefix) =>
        [.. Validate(values).Where(e => IsUnder(e.Path, pathPrefix))];

    /// <summary>True when <paramref name="path"/> is <paramref name="prefix"/> or a key below it.</summary>
    public static bool IsUnder(string path, string prefix) =>
        prefix.Length == 0
        || path == prefix
        || (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path[prefix.Length] is '.' or '[');
}
