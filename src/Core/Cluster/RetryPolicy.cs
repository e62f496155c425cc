namespace RunnerConsole.Core.Cluster;

/// <summary>Retry with exponential backoff and a cap; only idempotent requests are retried.</summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in total, including the first.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>No single wait is longer than this, not even a server's Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromTicks(InitialDelay.Ticks * (1L << Math.Min(attempt - 1, 16)));
        var wait = retryAfter is { } server && server > exponential ? server : exponential;
        return wait > MaxDelay ? MaxDelay : wait;
    }
}
