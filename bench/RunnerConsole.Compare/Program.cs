using System.Diagnostics;
using System.Globalization;
using System.Text;
using RunnerConsole.Compare;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Tooling;

// Side-by-side comparison of runner-console with helm and kubectl on the same sandbox, same manifests, same machine.
// Pairs run interleaved (A B A B …) after a warm-up; every figure is a median, reported as a ratio to the peer.
ComparisonOptions options;
try
{
    options = ComparisonOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"compare: {ex.Message}");
    Console.Error.WriteLine("usage: runner-console-compare --cli PATH [--rounds N] [--warmup N] [--latency 0,25] [--variants default,large] [--tls] [--quick] [--out FILE]");
    return 64;
}

var helm = ExternalTools.Require("helm");
var kubectl = ExternalTools.Require("kubectl");
var work = Directory.CreateTempSubdirectory("runner-compare-").FullName;
var home = Directory.CreateTempSubdirectory("runner-compare-home-").FullName;
var env = new Dictionary<string, string>
{
    ["HOME"] = home,
    ["KUBECACHEDIR"] = Path.Combine(home, "kubecache"),
    ["HELM_CACHE_HOME"] = Path.Combine(home, "helm-cache"),
    ["HELM_CONFIG_HOME"] = Path.Combine(home, "helm-config"),
    ["HELM_DATA_HOME"] = Path.Combine(home, "helm-data"),
    // Where runner-console keeps its per-verb start-up profiles: recorded in the warm-up rounds, like kubectl's cache.
    ["XDG_CACHE_HOME"] = Path.Combine(home, "cache"),
    ["DOTNET_NOLOGO"] = "1",
};
const string Release = "runner";
const string Namespace = "kubiya";
// Both sides of every upgrade use one catalog version the sandbox (Kubernetes 1.35) supports.
const string Version = "1.1.0";
var rows = new List<Row>();
var bounds = new List<string>();
var engine = new List<string>();

try
{
    foreach (var variant in options.Variants)
    {
        var inputs = await PrepareAsync(variant);
        Console.Error.WriteLine($"[{variant}] {inputs.Objects} objects in {inputs.Phases} apply phases");

        // Render: no cluster involved.
        rows.Add(await PairAsync($"render ({variant})", "helm template",
            () => TimeAsync(null, options.Cli, ["render", "-f", inputs.Values, "--version", Version, "--release", Release, "-n", Namespace]),
            () => TimeAsync(null, helm, ["template", Release, inputs.NewChart, "-n", Namespace])));

        foreach (var latency in options.LatenciesMs)
        {
            var at = $"{variant}, {latency} ms";
            rows.Add(await PairAsync($"install ({at})", "helm install",
                () => InstallAsync("ours", inputs, latency),
                () => InstallAsync("helm", inputs, latency)));
            rows.Add(await PairAsync($"install ({at})", "kubectl apply --server-side",
                () => InstallAsync("ours", inputs, latency),
                () => InstallAsync("kubectl", inputs, latency)));
            // A verb's first run has no start-up profile yet (runner-console compiles everything on first use).
            rows.Add(await PairAsync($"install ({at}), first run", "kubectl apply --server-side",
                () => InstallAsync("ours", inputs, latency, firstRun: true),
                () => InstallAsync("kubectl", inputs, latency)));
            rows.Add(await PairAsync($"upgrade ({at})", "helm upgrade",
                () => UpgradeAsync("ours", inputs, latency),
                () => UpgradeAsync("helm", inputs, latency)));
            rows.Add(await PairAsync($"upgrade ({at})", "kubectl apply --server-side",
                () => UpgradeAsync("ours", inputs, latency),
                () => UpgradeAsync("kubectl", inputs, latency)));
            rows.Add(await PairAsync($"diff ({at})", "kubectl diff --server-side",
                () => DiffAsync("ours", inputs, latency),
                () => DiffAsync("kubectl", inputs, latency)));
            // The engine alone, in-process (what the console does): no process start, warm code.
            var engineInstall = await EngineSeriesAsync(inputs, latency, upgrade: false);
            var engineUpgrade = await EngineSeriesAsync(inputs, latency, upgrade: true);
            engine.Add(EngineLine($"install ({at})", engineInstall, inputs.Phases, latency));
            engine.Add(EngineLine($"upgrade, image bump ({at})", engineUpgrade, 1, latency));
            if (latency > 0)
            {
                var bound = (inputs.Phases + 2) * latency;
                var ours = rows.Last(r => r.Task == $"install ({at})").Ours.MedianMs;
                bounds.Add($"| install ({at}), CLI | {ours:0} ms | ({inputs.Phases} phases + 2) × {latency} ms = {bound} ms | {ours / bound:0.00}× |");
                bounds.Add($"| install ({at}), engine in-process | {engineInstall.MedianMs:0} ms | ({inputs.Phases} phases + 2) × {latency} ms = {bound} ms | {engineInstall.MedianMs / bound:0.00}× |");
            }
        }
    }

    var report = Report();
    Console.WriteLine(report);
    if (options.Output is { } output)
    {
        await File.WriteAllTextAsync(output, report);
        Console.Error.WriteLine($"wrote {output}");
    }

    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
    Directory.Delete(home, recursive: true);
}

async Task<Inputs> PrepareAsync(string variant)
{
    var dir = Directory.CreateDirectory(Path.Combine(work, variant)).FullName;
    var values = Path.Combine(dir, "values.yaml");
    var large = variant == "large";
    await File.WriteAllTextAsync(values, $$"""
        runner: { name: bench-runner, organization: acme }
        cloud:
          runnerCredentials: { existingSecret: runner-nats }
          customerCredentials: { existingSecret: customer-nats }
        agentManager: { replicas: {{(large ? 4 : 2)}} }
        toolManager: { replicas: {{(large ? 6 : 3)}} }
        monitoring:
          healthchecks: { enabled: {{(large ? "true" : "false")}}, pingUrl: "https://hc-ping.com/3f1e9a52-8c4d-4b7e-9a61-2d5c7e8f9a10" }
        """);
    async Task<string> Cli(params string[] args)
    {
        var result = await ToolRunner.RunProcessAsync(options.Cli, args, env, null, TimeSpan.FromMinutes(2), dir);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"runner-console {string.Join(' ', args)} failed: {result}");
        }

        return result.Stdout.Trim();
    }

    // The upgrade is an image bump: the same values with a newer tool-manager tag.
    var bumped = Path.Combine(dir, "values-bumped.yaml");
    await File.WriteAllTextAsync(bumped, (await File.ReadAllTextAsync(values)).Replace(
        $"toolManager: {{ replicas: {(large ? 6 : 3)} }}", $"toolManager: {{ replicas: {(large ? 6 : 3)}, image: {{ tag: v0.5.9 }} }}", StringComparison.Ordinal));
    var oldChart = await Cli("export", "chart", "-f", values, "--version", Version, "--release", Release, "-n", Namespace, "-o", Path.Combine(dir, "old"));
    var newChart = await Cli("export", "chart", "-f", bumped, "--version", Version, "--release", Release, "-n", Namespace, "-o", Path.Combine(dir, "new"));
    var oldBundle = Path.Combine(dir, "old.yaml");
    var newBundle = Path.Combine(dir, "new.yaml");
    await Cli("export", "bundle", "-f", values, "--version", Version, "--release", Release, "-n", Namespace, "-o", oldBundle);
    await Cli("export", "bundle", "-f", bumped, "--version", Version, "--release", Release, "-n", Namespace, "-o", newBundle);
    var set = ManifestSet.Parse(await File.ReadAllTextAsync(newBundle), "bundle");
    var phases = set.Select(m => ApplyPhases.Of(m.Kind)).Distinct().Count();
    return new Inputs(values, bumped, oldChart, newChart, oldBundle, newBundle, set.Count, phases);
}

async Task<Row> PairAsync(string task, string peerName, Func<Task<Measurement>> ours, Func<Task<Measurement>> peer)
{
    Console.Error.WriteLine($"  {task}: runner-console vs {peerName}");
    for (var i = 0; i < options.Warmup; i++)
    {
        await ours();
        await peer();
    }

    var oursSeries = new Series("runner-console");
    var peerSeries = new Series(peerName);
    for (var i = 0; i < options.Rounds; i++)
    {
        oursSeries.Add(await ours());
        peerSeries.Add(await peer());
    }

    return new Row(task, oursSeries, peerSeries);
}

async Task<Measurement> InstallAsync(string tool, Inputs inputs, int latency, bool firstRun = false)
{
    await using var sandbox = await StartSandboxAsync(latency);
    return await TimeAsync(sandbox, tool switch
    {
        "ours" => options.Cli,
        "helm" => helm,
        _ => kubectl,
    }, InstallArgs(tool, inputs, old: true, sandbox.Kubeconfig), extraEnv: firstRun ? new() { ["RUNNER_CONSOLE_JIT_PROFILE"] = "0" } : null);
}

async Task<Measurement> UpgradeAsync(string tool, Inputs inputs, int latency)
{
    await using var sandbox = await StartSandboxAsync(latency);
    var path = tool switch { "ours" => options.Cli, "helm" => helm, _ => kubectl };
    await MustAsync(path, InstallArgs(tool, inputs, old: true, sandbox.Kubeconfig), sandbox.Kubeconfig);
    return await TimeAsync(sandbox, path, tool switch
    {
        "ours" => ["upgrade", Release, "-n", Namespace, "-f", inputs.BumpedValues, "--version", Version, "--kubeconfig", sandbox.Kubeconfig],
        "helm" => ["upgrade", Release, inputs.NewChart, "-n", Namespace, "--kubeconfig", sandbox.Kubeconfig],
        _ => ["apply", "--server-side", "--field-manager=kubectl", "-f", inputs.NewBundle, "--kubeconfig", sandbox.Kubeconfig],
    });
}

async Task<Measurement> DiffAsync(string tool, Inputs inputs, int latency)
{
    await using var sandbox = await StartSandboxAsync(latency);
    // Both diff the same installed state: the release as runner-console installed it.
    await MustAsync(options.Cli, InstallArgs("ours", inputs, old: true, sandbox.Kubeconfig), sandbox.Kubeconfig);
    return tool == "ours"
        ? await TimeAsync(sandbox, options.Cli, ["diff", Release, "-n", Namespace, "-f", inputs.BumpedValues, "--version", Version, "--kubeconfig", sandbox.Kubeconfig])
        : await TimeAsync(sandbox, kubectl, ["diff", "--server-side", "--field-manager=runner-console", "-f", inputs.NewBundle, "--kubeconfig", sandbox.Kubeconfig], okExitCodes: [0, 1]);
}

// Install (into an empty namespace) or upgrade (image bump) run in-process with the Core engine, timed from the values
// file to the recorded revision, as the console runs them; after the warm-up rounds, so the code is warm.
async Task<Series> EngineSeriesAsync(Inputs inputs, int latency, bool upgrade)
{
    Console.Error.WriteLine($"  {(upgrade ? "upgrade" : "install")} (engine in-process, {latency} ms)");
    var series = new Series("engine");
    for (var i = 0; i < options.Warmup + options.Rounds; i++)
    {
        await using var sandbox = await StartSandboxAsync(latency);
        using var cluster = KubeCluster.FromKubeconfig(sandbox.Kubeconfig, null);
        var context = new OperationContext(cluster);
        var engineOptions = new OperationOptions { Wait = false, Operator = "bench" };
        if (upgrade)
        {
            await RunEngineAsync(context, inputs.Values, upgrade: false, engineOptions);
        }

        var before = sandbox.Server.Log.Entries.Count;
        var connectionsBefore = sandbox.Server.ConnectionsAccepted;
        var clock = Stopwatch.StartNew();
        await RunEngineAsync(context, upgrade ? inputs.BumpedValues : inputs.Values, upgrade, engineOptions);
        clock.Stop();
        if (i >= options.Warmup)
        {
            var entries = sandbox.Server.Log.Entries.Skip(before).ToList();
            series.Add(new Measurement(clock.Elapsed, entries.Count, entries.Count(IsWrite), sandbox.Server.ConnectionsAccepted - connectionsBefore));
        }
    }

    return series;
}

async Task RunEngineAsync(OperationContext context, string valuesFile, bool upgrade, OperationOptions engineOptions)
{
    context.Prefetch(Release, Namespace, withNamespace: !upgrade, CancellationToken.None);
    var input = await ReleaseInputs.FromValuesAsync(await File.ReadAllTextAsync(valuesFile), Version, Release, Namespace, context.Cluster, TimeProvider.System, CancellationToken.None);
    var request = input.Request ?? throw new InvalidOperationException(string.Join("; ", input.Errors));
    var result = upgrade
        ? await new UpgradeOperation(context).RunAsync(request, install: false, engineOptions, null, CancellationToken.None)
        : await new InstallOperation(context).RunAsync(request, engineOptions, null, CancellationToken.None);
    if (!result.Succeeded)
    {
        throw new InvalidOperationException($"engine {(upgrade ? "upgrade" : "install")} failed: {result.Message}");
    }
}

static string EngineLine(string task, Series series, int phases, int latency)
{
    var bound = (phases + 2) * latency;
    var multiple = latency > 0 ? $"{series.MedianMs / bound:0.00}× of ({phases} phases + 2) × {latency} ms = {bound} ms" : "–";
    return $"| {task} | {series.MedianMs:0} ms | {series.MedianRequests} | {series.MedianWrites} | {series.MedianConnections} | {multiple} |";
}

static bool IsWrite(RunnerConsole.Sandbox.Faults.RequestLogEntry e) => e.Method is not ("GET" or "HEAD") && !e.Query.Contains("dryRun", StringComparison.Ordinal);

string[] InstallArgs(string tool, Inputs inputs, bool old, string kubeconfig) => tool switch
{
    "ours" => ["install", Release, "-n", Namespace, "-f", old ? inputs.Values : inputs.BumpedValues, "--version", Version, "--kubeconfig", kubeconfig],
    "helm" => ["install", Release, old ? inputs.OldChart : inputs.NewChart, "-n", Namespace, "--kubeconfig", kubeconfig],
    _ => ["apply", "--server-side", "--field-manager=kubectl", "-f", old ? inputs.OldBundle : inputs.NewBundle, "--kubeconfig", kubeconfig],
};

// Every tool starts from the same state: the release's namespace exists and is empty (created outside the timing).
async Task<TestCluster> StartSandboxAsync(int latency)
{
    var server = await SandboxServer.StartAsync(new SandboxOptions { Latency = TimeSpan.FromMilliseconds(latency), Tls = options.Tls });
    var kubeconfig = server.WriteKubeconfig(Path.Combine(work, $"kubeconfig-{Guid.NewGuid():N}"));
    using (var cluster = KubeCluster.FromKubeconfig(kubeconfig, null))
    {
        await cluster.CreateAsync(KubeObjects.Namespace(Namespace), CancellationToken.None);
    }

    return new TestCluster(server, kubeconfig);
}

async Task MustAsync(string tool, string[] toolArgs, string kubeconfig)
{
    var result = await ToolRunner.RunProcessAsync(tool, toolArgs, EnvFor(kubeconfig), null, TimeSpan.FromMinutes(2), work);
    if (result.ExitCode != 0)
    {
        throw new InvalidOperationException($"{Path.GetFileName(tool)} {string.Join(' ', toolArgs)} failed: {result}");
    }
}

async Task<Measurement> TimeAsync(TestCluster? sandbox, string tool, string[] toolArgs, int[]? okExitCodes = null, Dictionary<string, string>? extraEnv = null)
{
    var before = sandbox?.Server.Log.Entries.Count ?? 0;
    var connectionsBefore = sandbox?.Server.ConnectionsAccepted ?? 0;
    var clock = Stopwatch.StartNew();
    var environment = EnvFor(sandbox?.Kubeconfig);
    foreach (var (name, value) in extraEnv ?? [])
    {
        environment[name] = value;
    }

    var result = await ToolRunner.RunProcessAsync(tool, toolArgs, environment, null, TimeSpan.FromMinutes(5), work);
    clock.Stop();
    if (!(okExitCodes ?? [0]).Contains(result.ExitCode))
    {
        throw new InvalidOperationException($"{Path.GetFileName(tool)} {string.Join(' ', toolArgs)} failed: {result}");
    }

    var entries = sandbox?.Server.Log.Entries.Skip(before).ToList() ?? [];
    var writes = entries.Count(IsWrite);
    return new Measurement(clock.Elapsed, entries.Count, writes, (sandbox?.Server.ConnectionsAccepted ?? 0) - connectionsBefore);
}

Dictionary<string, string> EnvFor(string? kubeconfig)
{
    var result = new Dictionary<string, string>(env);
    if (kubeconfig is not null)
    {
        result["KUBECONFIG"] = kubeconfig;
    }

    return result;
}

string Report()
{
    var text = new StringBuilder();
    var transport = options.Tls ? "sandboxes serve HTTPS (HTTP/2 by ALPN, generated CA verified from the kubeconfig)" : "sandboxes serve plain HTTP/1.1";
    text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {options.Rounds} interleaved rounds after {options.Warmup} warm-up; medians; {transport}.");
    text.AppendLine();
    text.AppendLine("| task | runner-console | peer | peer median | ratio (ours / peer) | requests ours / peer | writes ours / peer | connections ours / peer |");
    text.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
    foreach (var row in rows)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {row.Task} | {row.Ours.MedianMs:0} ms | {row.Peer.Tool} | {row.Peer.MedianMs:0} ms | {row.Ratio:0.00}× | {row.Ours.MedianRequests} / {row.Peer.MedianRequests} | {row.Ours.MedianWrites} / {row.Peer.MedianWrites} | {row.Ours.MedianConnections} / {row.Peer.MedianConnections} |");
    }

    if (engine.Count > 0)
    {
        text.AppendLine();
        text.AppendLine("Engine alone, in-process (what the console runs: no process start, warm code), from values to recorded revision:");
        text.AppendLine();
        text.AppendLine("| task | engine median | requests | writes | new connections | multiple of the physical bound |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var line in engine)
        {
            text.AppendLine(line);
        }
    }

    if (bounds.Count > 0)
    {
        text.AppendLine();
        text.AppendLine("| install | runner-console | physical bound | multiple of bound |");
        text.AppendLine("| --- | ---: | --- | ---: |");
        foreach (var line in bounds)
        {
            text.AppendLine(line);
        }
    }

    return text.ToString();
}

internal sealed record Inputs(string Values, string BumpedValues, string OldChart, string NewChart, string OldBundle, string NewBundle, int Objects, int Phases);

internal sealed record TestCluster(SandboxServer Server, string Kubeconfig) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
