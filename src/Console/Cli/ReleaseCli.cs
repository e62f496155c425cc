using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Values;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary>Options every release verb takes (as helm names them).</summary>
public class ReleaseSettings : CommandSettings
{
    [CommandArgument(0, "<RELEASE>")]
    [Description("Release name.")]
    public string Release { get; init; } = string.Empty;

    [CommandOption("-n|--namespace <NAMESPACE>")]
    [Description("Release namespace. Default: the context's namespace, else 'default'.")]
    public string? Namespace { get; init; }

    [CommandOption("--kubeconfig <FILE>")]
    [Description("Kubeconfig file. Default: $KUBECONFIG, then ~/.kube/config.")]
    public string? Kubeconfig { get; init; }

    [CommandOption("--context <NAME>")]
    [Description("Kubeconfig context. Default: the current context.")]
    public string? Context { get; init; }

    [CommandOption("-o|--output <FORMAT>")]
    [Description("table (default) or json.")]
    public string Output { get; init; } = "table";

    public override ValidationResult Validate() =>
        Output is "table" or "json" ? ValidationResult.Success() : ValidationResult.Error($"-o/--output: expected table or json, got '{Output}'");
}

/// <summary>Options of the verbs that change the cluster.</summary>
public class ChangeSettings : ReleaseSettings
{
    [CommandOption("--wait")]
    [Description("Wait until workloads are ready before marking the revision deployed.")]
    public bool Wait { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("How long to wait (Go duration: 90s, 5m). Default 5m.")]
    public string Timeout { get; init; } = "5m";

    [CommandOption("--atomic")]
    [Description("Undo on failure (uninstall a failed install, roll back a failed upgrade); implies --wait.")]
    public bool Atomic { get; init; }

    [CommandOption("--force-conflicts")]
    [Description("Take ownership of fields other field managers own.")]
    public bool ForceConflicts { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why: recorded in the revision's description with who ran it.")]
    public string? Reason { get; init; }

    [CommandOption("--history-max <N>")]
    [Description("Revisions kept (default 10; 0 = no limit).")]
    public int HistoryMax { get; init; } = HistoryPruning.DefaultMaxHistory;

    public override ValidationResult Validate()
    {
        if (GoDuration.Parse(Timeout) is null)
        {
            return ValidationResult.Error($"--timeout: expected a duration like 90s or 5m, got '{Timeout}'");
        }

        return base.Validate();
    }

    internal OperationOptions ToOptions(bool adopt = false) => new()
    {
        Wait = Wait || Atomic,
        Timeout = GoDuration.Parse(Timeout) ?? TimeSpan.FromMinutes(5),
        Atomic = Atomic,
        Adopt = adopt,
        ForceConflicts = ForceConflicts,
        Reason = Reason,
        MaxHistory = HistoryMax,
    };
}

/// <summary>Options of the verbs that render values (install, upgrade, diff).</summary>
public class RenderSettings : ChangeSettings
{
    [CommandOption("-f|--values <FILE>")]
    [Description("Values file (YAML); - reads stdin.")]
    public string? Values { get; init; }

    [CommandOption("--version <VERSION>")]
    [Description("Runner version from the catalog. Default: the values' version, else the latest.")]
    public string? Version { get; init; }

    [CommandOption("--create-namespace")]
    [Description("Create the namespace when it does not exist.")]
    public bool CreateNamespace { get; init; }

    [CommandOption("--adopt")]
    [Description("Take over existing objects that no release owns.")]
    public bool Adopt { get; init; }
}

/// <summary>What the release verbs share: connecting, rendering input, progress and result output.</summary>
internal static class ReleaseCli
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static (KubeCluster Cluster, string Namespace) Connect(ReleaseSettings settings, OperationTrace? trace = null)
    {
        var cluster = KubeCluster.FromKubeconfig(settings.Kubeconfig, settings.Context, trace is null ? null : new KubeClusterOptions { Handlers = [trace.Handler()], OnStep = trace.Mark });
        return (cluster, settings.Namespace ?? cluster.DefaultNamespace ?? "default");
    }

    /// <summary>Ends a traced command: the last step, then the table on stderr (step names and counts only).</summary>
    public static void FinishTrace(OperationTrace? trace, string lastStep)
    {
        if (trace is null)
        {
            return;
        }

        trace.Mark(lastStep);
        Console.Error.WriteLine(trace.Format());
    }

    /// <summary>Runs a verb body, turning the engine's exceptions into messages and exit codes.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationInProgressException ex)
        {
            CliErrors.Write(ex.Message);
            return ExitCodes.ClusterError;
        }
        catch (Exception ex) when (ex is KubeApiException or OperationFailedException or TimeoutException or HttpRequestException)
        {
            CliErrors.Write(ex.Message);
            return ExitCodes.ClusterError;
        }
        catch (k8s.Exceptions.KubeConfigException ex)
        {
            CliErrors.Write($"kubeconfig: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>
    /// The start every rendering verb shares, with the independent parts side by side: the values file is read and
    /// checked on another core while this one reads the kubeconfig and builds the client; then the release history (and,
    /// with <paramref name="withNamespace"/>, the namespace) is read while the values are rendered. Null request: the
    /// errors are printed and the exit code is given.
    /// </summary>
    public static async Task<(KubeCluster Cluster, OperationContext Engine, ReleaseRequest? Request, int Exit)> StartRenderedAsync(
        RenderSettings settings, bool withNamespace, OperationTrace? trace, CancellationToken cancellationToken)
    {
        var values = Task.Run(() => RunnerInputs.ReadValuesAsync(settings.Values, settings.Version, cancellationToken), cancellationToken);
        // The writers' metadata for the rendered kinds is built on a spare core too (its first use would otherwise wait
        // for it); nothing depends on this task finishing, and whatever could fail in it fails again, reported, at the
        // first real use of the same metadata.
        _ = Task.Run(Core.Yaml.KubeYaml.Prepare, cancellationToken);
        KubeCluster cluster;
        string ns;
        try
        {
            (cluster, ns) = Connect(settings, trace);
        }
        catch
        {
            // Not left running unobserved: a values error is no longer interesting once the kubeconfig failed.
            await ((Task)values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        var engine = new OperationContext(cluster) { Trace = trace };
        // Checking the values takes less than connecting, so waiting for them here costs nothing, and a run with
        // invalid values sends no request at all.
        var (input, exit) = await values;
        trace?.Mark("values");
        if (input is null)
        {
            return (cluster, engine, null, exit);
        }

        engine.Prefetch(settings.Release, ns, withNamespace, cancellationToken);

        var result = await ReleaseInputs.PrepareAsync(input, settings.Release, ns, engine.Cluster, TimeProvider.System, cancellationToken);
        trace?.Mark("render, registry key pair");
        if (result.Request is null)
        {
            CliErrors.WriteAll(result.Errors);
            return (cluster, engine, null, ExitCodes.InvalidInput);
        }

        return (cluster, engine, result.Request with { CreateNamespace = settings.CreateNamespace }, ExitCodes.Ok);
    }

    /// <summary>Progress: one line per event; on a terminal the lines are coloured and a spinner shows the current wait.</summary>
    public static async Task<OperationResult> WithProgressAsync(bool json, Func<IProgress<OperationEvent>?, Task<OperationResult>> run)
    {
        if (json)
        {
            return await run(null);
        }

        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            OperationResult? result = null;
            await AnsiConsole.Status().StartAsync("starting", async ctx =>
            {
                result = await run(new LiveProgress(ctx));
            });
            return result!;
        }

        return await run(new PlainProgress());
    }

    /// <summary>
    /// The shape of every changing verb: refuse leftovers, connect, run the operation with progress, report.
    /// <paramref name="run"/> gets the engine, the namespace and the progress sink.
    /// </summary>
    public static Task<int> RunChangeAsync(
        CommandContext context, ChangeSettings settings, Func<OperationContext, string, IProgress<OperationEvent>?, Task<OperationResult>> run) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : GuardAsync(async () =>
        {
            var trace = OperationTrace.FromEnvironment();
            var (cluster, ns) = Connect(settings, trace);
            using var _ = cluster;
            var json = settings.Output == "json";
            var result = await WithProgressAsync(json, progress => run(new OperationContext(cluster) { Trace = trace }, ns, progress));
            var exit = Finish(result, json);
            FinishTrace(trace, "output");
            return exit;
        });

    /// <summary><see cref="RunChangeAsync"/> for verbs that render a values file into a release request first.</summary>
    public static Task<int> RunRenderedChangeAsync(
        CommandContext context, RenderSettings settings, bool mayInstall, CancellationToken cancellationToken,
        Func<OperationContext, ReleaseRequest, IProgress<OperationEvent>?, Task<OperationResult>> run) =>
        CliInput.RejectLeftovers(context) is { } usage ? Task.FromResult(usage) : GuardAsync(async () =>
        {
            var trace = OperationTrace.FromEnvironment();
            var (cluster, engine, request, exit) = await StartRenderedAsync(settings, withNamespace: mayInstall, trace, cancellationToken);
            using var _ = cluster;
            if (request is null)
            {
                return exit;
            }

            var json = settings.Output == "json";
            var result = await WithProgressAsync(json, progress => run(engine, request, progress));
            var code = Finish(result, json);
            FinishTrace(trace, "output");
            return code;
        });

    public static int Finish(OperationResult result, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(ToJson(result).ToJsonString(Json));
        }
        else if (result.Succeeded)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]{result.Message}[/]");
        }
        else
        {
            CliErrors.Write(result.Message);
        }

        return result.Succeeded ? ExitCodes.Ok : ExitCodes.ClusterError;
    }

    public static JsonObject ToJson(OperationResult result) => new()
    {
        ["verb"] = result.Verb,
        ["release"] = result.Release,
        ["namespace"] = result.Namespace,
        ["succeeded"] = result.Succeeded,
        ["message"] = result.Message,
        ["revision"] = result.Record?.Version,
        ["status"] = result.Record?.Status.ToHelm(),
        ["rolledBack"] = result.RolledBack,
        ["plan"] = result.Plan is null ? null : PlanJson(result.Plan),
        ["health"] = new JsonArray([.. result.Health.Select(h => (JsonNode)new JsonObject { ["object"] = h.Key.ToString(), ["state"] = h.State.ToString(), ["summary"] = h.Summary })]),
    };

    public static JsonObject PlanJson(Plan plan) => new()
    {
        ["summary"] = new JsonObject
        {
            ["add"] = plan.Summary.Added,
            ["change"] = plan.Summary.Changed,
            ["remove"] = plan.Summary.Removed,
            ["unchanged"] = plan.Summary.Unchanged,
            ["adopt"] = plan.Summary.NeedsAdopt,
            ["conflict"] = plan.Summary.Conflicts,
        },
        ["objects"] = new JsonArray([.. plan.Objects.Select(o => (JsonNode)new JsonObject
        {
            ["apiVersion"] = o.Key.ApiVersion,
            ["kind"] = o.Key.Kind,
            ["namespace"] = o.Key.Namespace,
            ["name"] = o.Key.Name,
            ["action"] = o.Action.ToString(),
            ["phase"] = o.Phase.ToString(),
            ["reason"] = o.Reason,
            ["conflictManagers"] = new JsonArray([.. o.ConflictManagers.Select(m => (JsonNode)JsonValue.Create(m)!)]),
            ["changes"] = new JsonArray([.. o.Changes.Select(c => (JsonNode)new JsonObject { ["path"] = c.Path, ["kind"] = c.Kind.ToString(), ["old"] = c.Old, ["new"] = c.New })]),
            ["secretKeys"] = new JsonArray([.. o.SecretKeys.Select(k => (JsonNode)new JsonObject { ["key"] = k.Key, ["state"] = k.State.ToString(), ["oldBytes"] = k.OldBytes, ["newBytes"] = k.NewBytes })]),
            ["diff"] = o.TextDiff,
        })]),
    };


    internal static string Describe(OperationEvent e) => e switch
    {
        StepStarted s => $"{s.Step} ({s.Objects} object(s))",
        ObjectApplied a => $"  {Verb(a.Action)} {a.Key}",
        ObjectPruned p => p.Kept ? $"  kept {p.Key} (resource policy keep)" : $"  deleted {p.Key}",
        ObjectFailed f => $"  FAILED {f.Key}: {f.Message}",
        WaitingFor w => $"  waiting for {w.Health}",
        ObjectReady r => $"  ready {r.Health}",
        ReleaseRecorded r => $"revision {r.Revision}: {r.Status.ToHelm()} ({r.Description})",
        OperationFinished f => f.Succeeded ? $"done: {f.Message}" : $"failed: {f.Message}",
        _ => e.ToString(),
    };

    private static string Verb(PlanAction action) => action switch
    {
        PlanAction.Add => "created",
        PlanAction.NeedsAdopt => "adopted",
        _ => "configured",
    };

    private sealed class PlainProgress : IProgress<OperationEvent>
    {
        private readonly Lock _gate = new();

        public void Report(OperationEvent value)
        {
            lock (_gate)
            {
                Console.Out.WriteLine(Describe(value));
            }
        }
    }

    private sealed class LiveProgress(StatusContext status) : IProgress<OperationEvent>
    {
        private readonly Lock _gate = new();

        public void Report(OperationEvent value)
        {
            lock (_gate)
            {
                var text = Markup.Escape(Describe(value));
                switch (value)
                {
                    case WaitingFor w:
                        status.Status(Markup.Escape($"waiting for {w.Health}"));
                        break;
                    case StepStarted s:
                        status.Status(Markup.Escape(s.Step));
                        AnsiConsole.MarkupLine($"[bold]{text}[/]");
                        break;
                    case ObjectFailed:
                        AnsiConsole.MarkupLine($"[red]{text}[/]");
                        break;
                    default:
                        AnsiConsole.MarkupLine(text);
                        break;
                }
            }
        }
    }
}
