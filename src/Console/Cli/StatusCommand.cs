using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console status RELEASE -n NS [--revision N]</c>: the revision and the health of each of its objects. Exit 1 when some are not ready.</summary>
public sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : ReleaseSettings
    {
        [CommandOption("--revision <N>")]
        [Description("Revision to show; default the latest.")]
        public int Revision { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : ReleaseCli.GuardAsync(async () =>
        {
            var (cluster, ns) = ReleaseCli.Connect(settings);
            using var _ = cluster;
            var report = await new StatusOperation(new OperationContext(cluster)).RunAsync(settings.Release, ns, settings.Revision, cancellationToken);
            if (report is null)
            {
                CliErrors.Write($"release '{settings.Release}' not found in namespace '{ns}'");
                return ExitCodes.ClusterError;
            }

            var r = report.Record;
            if (settings.Output == "json")
            {
                Console.Out.WriteLine(new JsonObject
                {
                    ["name"] = r.Name,
                    ["namespace"] = r.Namespace,
                    ["revision"] = r.Version,
                    ["status"] = r.Status.ToHelm(),
                    ["description"] = r.Info.Description,
                    ["chart"] = $"{r.Chart.Metadata.Name}-{r.Chart.Metadata.Version}",
                    ["app_version"] = r.Chart.Metadata.AppVersion,
                    ["last_deployed"] = r.Info.LastDeployed?.ToString("o", CultureInfo.InvariantCulture),
                    ["objects"] = new JsonArray([.. report.Objects.Select(o => (JsonNode)new JsonObject { ["object"] = o.Key.ToString(), ["state"] = o.State.ToString(), ["summary"] = o.Summary })]),
                }.ToJsonString());
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"NAME: {r.Name}\nNAMESPACE: {r.Namespace}\nREVISION: {r.Version}\nSTATUS: {r.Status.ToHelm()}\nLAST DEPLOYED: {r.Info.LastDeployed?.ToString("u", CultureInfo.InvariantCulture)}\nCHART: {r.Chart.Metadata.Name}-{r.Chart.Metadata.Version} (app {r.Chart.Metadata.AppVersion})\nDESCRIPTION: {r.Info.Description}");
                var table = CliOutput.PlainTable("OBJECT", "STATE", "DETAIL");
                foreach (var o in report.Objects)
                {
                    var colour = o.IsReady ? "green" : o.State == Core.Cluster.ReadinessState.Progressing ? "yellow" : "red";
                    table.AddRow(Markup.Escape(o.Key.ToString()), $"[{colour}]{o.State}[/]", Markup.Escape(o.Summary));
                }

                CliOutput.Write(table);
            }

            return report.AllReady ? ExitCodes.Ok : ExitCodes.Findings;
        });
}
