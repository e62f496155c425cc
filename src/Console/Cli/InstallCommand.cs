using RunnerConsole.Core.Operations;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console install RELEASE -n NS [-f values.yaml] …</c>: renders and installs revision 1.</summary>
public sealed class InstallCommand : AsyncCommand<RenderSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RenderSettings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : ReleaseCli.GuardAsync(async () =>
        {
            var (cluster, ns) = ReleaseCli.Connect(settings);
            using var _ = cluster;
            var (request, exit) = await ReleaseCli.RequestAsync(settings, cluster, ns, cancellationToken);
            if (request is null)
            {
                return exit;
            }

            var json = settings.Output == "json";
            var result = await ReleaseCli.WithProgressAsync(json, progress =>
                new InstallOperation(new OperationContext(cluster)).RunAsync(request, settings.ToOptions(settings.Adopt), progress, cancellationToken));
            return ReleaseCli.Finish(result, json);
        });
}
