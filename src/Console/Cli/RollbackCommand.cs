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
        ReleaseCli.RunChangeAsync(context, settings, (engine, ns, progress) =>
            new RollbackOperation(engine).RunAsync(settings.Release, ns, settings.Revision, settings.ToOptions(), progress, cancellationToken));
}
