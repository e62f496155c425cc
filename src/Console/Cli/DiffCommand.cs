using System.ComponentModel;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>
/// <c>runner-console diff RELEASE -n NS [-f values.yaml] [--detailed-exitcode]</c>: what an upgrade would change,
/// from a server-side dry-run; Secret values masked. With --detailed-exitcode: 0 no changes, 2 changes.
/// </summary>
public sealed class DiffCommand : AsyncCommand<DiffCommand.Settings>
{
    public sealed class Settings : RenderSettings
    {
        [CommandOption("--detailed-exitcode")]
        [Description("Exit 2 when there are changes, 0 when there are none.")]
        public bool DetailedExitCode { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : ReleaseCli.GuardAsync(async () =>
        {
            var trace = OperationTrace.FromEnvironment();
            var (cluster, engine, request, exit) = await ReleaseCli.StartRenderedAsync(settings, withNamespace: false, trace, cancellationToken);
            using var _ = cluster;
            if (request is null)
            {
                return exit;
            }

            var plan = await new DiffOperation(engine).RunAsync(
                request, new PlanOptions { Adopt = settings.Adopt, ForceConflicts = settings.ForceConflicts }, cancellationToken);
            if (settings.Output == "json")
            {
                Console.Out.WriteLine(ReleaseCli.PlanJson(plan).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Write(plan);
            }

            ReleaseCli.FinishTrace(trace, "output");
            return settings.DetailedExitCode && plan.HasChanges ? ExitCodes.Changes : ExitCodes.Ok;
        });

    private static void Write(Plan plan)
    {
        foreach (var o in plan.Objects.Where(o => o.IsChange))
        {
            var colour = o.Action switch
            {
                PlanAction.Add => "32",
                PlanAction.Remove => "31",
                PlanAction.Change => "33",
                _ => "35",
            };
            CliOutput.Line($"{o.Action.ToString().ToLowerInvariant()} {o.Key}{(o.Reason is null ? string.Empty : $" — {o.Reason}")}", colour);
            foreach (var key in o.SecretKeys.Where(k => k.State != SecretKeyState.Unchanged))
            {
                CliOutput.Line($"  secret key {key.Key}: {key.State.ToString().ToLowerInvariant()} ({key.OldBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} → {key.NewBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} bytes)");
            }

            foreach (var line in o.TextDiff.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                CliOutput.Line(line, line.StartsWith('+') ? "32" : line.StartsWith('-') ? "31" : line.StartsWith('@') ? "36" : "90");
            }
        }

        CliOutput.Line($"Plan: {plan.Summary}");
    }
}
