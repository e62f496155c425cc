namespace RunnerConsole.Core.Values;

/// <summary>One entry of <c>&lt;component&gt;.tolerations</c>, as in a pod spec.</summary>
public sealed record Toleration
{
    public string Key { get; init; } = "";

    /// <summary><c>Equal</c> or <c>Exists</c>.</summary>
    public string Operator { get; init; } = "Equal";

    public string Value { get; init; } = "";

    /// <summary><c>NoSchedule</c>, <c>PreferNoSchedule</c>, <c>NoExecute</c>, or empty for all.</summary>
    public string Effect { get; init; } = "";

    public long? TolerationSeconds { get; init; }
}
