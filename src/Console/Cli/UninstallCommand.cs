using System.ComponentModel;
using RunnerConsole.Core.Operations;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console uninstall RELEASE -n NS [--keep-history]</c>: deletes the release's objects and its history.</summary>
public sealed class UninstallCommand : AsyncCommand<UninstallCommand.Settings>
{
    public sealed class Settings : ChangeSettings
    {
        [CommandOption("--keep-history")]
        [Description("Keep the revisions, marking the last one uninstalled (rollback stays possible).")]
        public bool KeepHistory { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : ReleaseCli.GuardAsync(async () =>
        {
            var (cluster, ns) = ReleaseCli.Connect(settings);
            using var _ = cluster;
            var json = settings.Output == "json";
            var result = await ReleaseCli.WithProgressAsync(json, progress =>
                new UninstallOperation(new OperationContext(cluster)).RunAsync(settings.Release, ns, settings.KeepHistory, settings.ToOptions(), progress, cancellationToken));
            return ReleaseCli.Finish(result, json);
        });
}
