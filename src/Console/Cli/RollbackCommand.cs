using System.ComponentModel;
using RunnerConsole.Core.Operations;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console rollback RELEASE [REVISION] -n NS …</c>: re-applies a stored revision as a new one (default: the previous).</summary>
public sealed class RollbackCommand : AsyncCommand<RollbackCommand.Settings>
{
    public sealed class Settings : ChangeSettings
    {
        [CommandArgument(1, "[REVISION]")]
        [Description("Revision to roll back to; 0 or none means the previous one.")]
        public int Revision { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : ReleaseCli.GuardAsync(async () =>
        {
            var (cluster, ns) = ReleaseCli.Connect(settings);
            using var _ = cluster;
            var json = settings.Output == "json";
            var result = await ReleaseCli.WithProgressAsync(json, progress =>
                new RollbackOperation(new OperationContext(cluster)).RunAsync(settings.Release, ns, settings.Revision, settings.ToOptions(), progress, cancellationToken));
            return ReleaseCli.Finish(result, json);
        });
}
