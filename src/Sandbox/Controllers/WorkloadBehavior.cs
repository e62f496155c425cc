namespace RunnerConsole.Sandbox.Controllers;

/// <summary>How a simulated workload behaves.</summary>
public enum WorkloadMode
{
    /// <summary>Becomes ready after the controller delay.</summary>
    Normal,

    /// <summary>Pods stay not ready, their containers waiting with <see cref="WorkloadBehavior.Reason"/> (e.g. ImagePullBackOff).</summary>
    NeverReady,

    /// <summary>Pods run but crash: waiting CrashLoopBackOff, restartCount grows; Jobs fail (BackoffLimitExceeded).</summary>
    CrashLoop,
}

/// <summary>
/// A per-object behaviour override for the simulated controllers. Set from tests with
/// <see cref="WorkloadControllers.SetBehavior"/>, or on the object itself with the annotation
/// <c>sandbox.runner-console.io/behavior</c>: <c>never-ready</c>, <c>never-ready:ErrImagePull</c>, <c>crash-loop</c>, <c>takes=5s</c>.
/// </summary>
public sealed record WorkloadBehavior
{
    public const string Annotation = "sandbox.runner-console.io/behavior";

    public WorkloadMode Mode { get; init; } = WorkloadMode.Normal;

    /// <summary>Waiting reason shown in container statuses (NeverReady).</summary>
    public string Reason { get; init; } = "ImagePullBackOff";

    /// <summary>How long convergence takes for this object (overrides the controller delay).</summary>
    public TimeSpan? Takes { get; init; }

    /// <summary>How often a crash-looping container restarts (default 1 s).</summary>
    public TimeSpan RestartEvery { get; init; } = TimeSpan.FromSeconds(1);

    public static WorkloadBehavior Normal { get; } = new();

    public static WorkloadBehavior NeverReady(string reason = "ImagePullBackOff") => new() { Mode = WorkloadMode.NeverReady, Reason = reason };

    public static WorkloadBehavior CrashLoop(TimeSpan? restartEvery = null) =>
        new() { Mode = WorkloadMode.CrashLoop, Reason = "CrashLoopBackOff", RestartEvery = restartEvery ?? TimeSpan.FromSeconds(1) };

    public static WorkloadBehavior TakesTime(TimeSpan duration) => new() { Takes = duration };

    /// <summary>Parses the annotation form; null when not understood.</summary>
    public static WorkloadBehavior? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var behavior = new WorkloadBehavior();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("never-ready", StringComparison.OrdinalIgnoreCase))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                behavior = behavior with { Mode = WorkloadMode.NeverReady, Reason = colon > 0 ? part[(colon + 1)..] : "ImagePullBackOff" };
            }
            else if (part.StartsWith("crash-loop", StringComparison.OrdinalIgnoreCase))
            {
                behavior = behavior with { Mode = WorkloadMode.CrashLoop, Reason = "CrashLoopBackOff" };
            }
            else if (part.StartsWith("takes=", StringComparison.OrdinalIgnoreCase) && ParseDuration(part[6..]) is { } d)
            {
                behavior = behavior with { Takes = d };
            }
            else
            {
                return null;
            }
        }

        return behavior;
    }

    /// <summary>Durations as Go writes them in flags: <c>500ms</c>, <c>5s</c>, <c>2m</c>, or plain seconds.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        double n;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (text.EndsWith("ms", StringComparison.Ordinal) && double.TryParse(text[..^2], inv, out n))
        {
            return TimeSpan.FromMilliseconds(n);
        }

        if (text.EndsWith('s') && double.TryParse(text[..^1], inv, out n))
        {
            return TimeSpan.FromSeconds(n);
        }

        if (text.EndsWith('m') && double.TryParse(text[..^1], inv, out n))
        {
            return TimeSpan.FromMinutes(n);
        }

        return double.TryParse(text, inv, out n) ? TimeSpan.FromSeconds(n) : null;
    }
}
