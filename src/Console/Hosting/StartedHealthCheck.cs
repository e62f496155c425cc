using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RunnerConsole.Hosting;

/// <summary>Ready once the host has finished starting (all hosted services up), not merely when Kestrel accepts.</summary>
public sealed class StartedHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("starting"));
}
