using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Wizard;

/// <summary>
/// One form field bound to one key of <see cref="RunnerValues"/>: its key path (the path the validator reports
/// errors under), its label, and how to read and write it on the immutable values.
/// </summary>
public sealed record ValueField<T>(string Path, string Label, Func<RunnerValues, T> Get, Func<RunnerValues, T, RunnerValues> Set)
{
    /// <summary>The key's description from the values model (the same text as the docs and the schema).</summary>
    public string Help => ValuesHelp.Describe(Path);
}
