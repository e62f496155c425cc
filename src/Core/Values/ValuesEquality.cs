namespace RunnerConsole.Core.Values;

/// <summary>
/// Content equality of values. Record equality compares lists and maps by reference, so two values read from the
/// same file are not <c>==</c>; this compares what would be written instead (e.g. a form's "unsaved changes").
/// </summary>
public static class ValuesEquality
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> hold the same keys and values, secrets included.</summary>
    public static bool ContentEquals(RunnerValues a, RunnerValues b) =>
        ReferenceEquals(a, b)
        || string.Equals(ValuesWriter.ToYaml(a, redactSecrets: false), ValuesWriter.ToYaml(b, redactSecrets: false), StringComparison.Ordinal);
}
