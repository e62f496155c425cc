using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary>One entry of <c>&lt;component&gt;.tolerations</c>, as in a pod spec.</summary>
public sealed record Toleration
{
    [Description("Taint key; empty with `Exists` tolerates every taint.")]
    public string Key { get; init; } = "";

    [Description("`Equal` or `Exists`.")]
    public string Operator { get; init; } = "Equal";

    [Description("Taint value (only with `Equal`).")]
    public string Value { get; init; } = "";

    [Description("`NoSchedule`, `PreferNoSchedule`, `NoExecute`, or empty for all.")]
    public string Effect { get; init; } = "";

    [Description("Seconds a `NoExecute` taint is tolerated; empty means forever.")]
    public long? TolerationSeconds { get; init; }
}
