using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary><c>&lt;component&gt;.serviceAccount</c>.</summary>
public sealed record ServiceAccountValues
{
    [Description("Service account name; empty means one derived from the release name (never a fixed name).")]
    public string Name { get; init; } = "";
}
