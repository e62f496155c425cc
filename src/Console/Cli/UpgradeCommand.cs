using System.ComponentModel;
using RunnerConsole.Core.Operations;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console upgrade RELEASE -n NS [-f values.yaml] [--install] …</c>: a new revision with the new values or version.</summary>
public sealed class UpgradeCommand : AsyncCommand<UpgradeCommand.Settings>
{
    public sealed class Settings : RenderSettings
    {
        [CommandOption("-i|--install")]
        [Description("Install when the release does not exist yet.")]
        public bool Install { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ReleaseCli.RunRenderedChangeAsync(context, settings, settings.Install, cancellationToken, (engine, request, progress) =>
            new UpgradeOperation(engine).RunAsync(request, settings.Install, settings.ToOptions(settings.Adopt), progress, cancellationToken));
}
