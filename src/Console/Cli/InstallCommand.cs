using RunnerConsole.Core.Operations;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console install RELEASE -n NS [-f values.yaml] …</c>: renders and installs revision 1.</summary>
public sealed class InstallCommand : AsyncCommand<RenderSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RenderSettings settings, CancellationToken cancellationToken) =>
        ReleaseCli.RunRenderedChangeAsync(context, settings, mayInstall: true, cancellationToken, (engine, request, progress) =>
            new InstallOperation(engine).RunAsync(request, settings.ToOptions(settings.Adopt), progress, cancellationToken));
}
