using RunnerConsole.Core.Operations;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console recover RELEASE -n NS</c>: marks a revision stuck in pending-* failed, releasing the lock.</summary>
public sealed class RecoverCommand : AsyncCommand<ChangeSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ChangeSettings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : ReleaseCli.GuardAsync(async () =>
        {
            var (cluster, ns) = ReleaseCli.Connect(settings);
            using var _ = cluster;
            var result = await new RecoverOperation(new OperationContext(cluster)).RunAsync(settings.Release, ns, settings.ToOptions(), cancellationToken);
            return ReleaseCli.Finish(result, settings.Output == "json");
        });
}
