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
        ReleaseCli.RunChangeAsync(context, settings, (engine, ns, progress) =>
            new UninstallOperation(engine).RunAsync(settings.Release, ns, settings.KeepHistory, settings.ToOptions(), progress, cancellationToken));
}
