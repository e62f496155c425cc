namespace RunnerConsole.Core.Values;

/// <summary>
/// What <see cref="ValuesLoader.Load(string)"/> read: the values (null when the file could not be read at all), every
/// error found (syntax, unknown keys, wrong types and validation), and where each key was in the file.
/// </summary>
public sealed record ValuesLoadResult(
    RunnerValues? Values,
    IReadOnlyList<ValuesError> Errors,
    IReadOnlyDictionary<string, (int Line, int Column)> Positions)
{
    public bool IsValid => Values is not null && Errors.Count == 0;
}
