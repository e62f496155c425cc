using System.Globalization;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console history RELEASE -n NS [-o json]</c>: every revision, as <c>helm history</c> lists them.</summary>
public sealed class HistoryCommand : AsyncCommand<ReleaseSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReleaseSettings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : ReleaseCli.GuardAsync(async () =>
        {
            var (cluster, ns) = ReleaseCli.Connect(settings);
            using var _ = cluster;
            var history = await new HistoryOperation(new OperationContext(cluster)).RunAsync(settings.Release, ns, cancellationToken);
            if (history.Count == 0)
            {
                CliErrors.Write($"release '{settings.Release}' not found in namespace '{ns}'");
                return ExitCodes.ClusterError;
            }

            if (settings.Output == "json")
            {
                var array = new JsonArray([.. history.Select(h => (JsonNode)new JsonObject
                {
                    ["revision"] = h.Revision,
                    ["updated"] = h.Updated?.ToString("o", CultureInfo.InvariantCulture),
                    ["status"] = h.Status.ToHelm(),
                    ["chart"] = h.Chart,
                    ["app_version"] = h.AppVersion,
                    ["description"] = h.Description,
                    ["operator"] = h.Operator,
                })]);
                Console.Out.WriteLine(array.ToJsonString());
                return ExitCodes.Ok;
            }

            var table = CliOutput.PlainTable("REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION");
            foreach (var h in history)
            {
                table.AddRow(
                    h.Revision.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(h.Updated?.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty),
                    Markup.Escape(h.Status.ToHelm()),
                    Markup.Escape(h.Chart),
                    Markup.Escape(h.AppVersion ?? string.Empty),
                    Markup.Escape(h.Description ?? string.Empty));
            }

            CliOutput.Write(table);
            return ExitCodes.Ok;
        });
}
