namespace RunnerConsole.Core.Values;

/// <summary><c>&lt;component&gt;.serviceAccount</c>.</summary>
public sealed record ServiceAccountValues
{
    /// <summary>Service account name; empty means one derived from the release name (never a fixed name).</summary>
    public string Name { get; init; } = "";
}
