using System.Text.Json.Nodes;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Planning;
using RunnerConsole.Sandbox.Faults;

namespace RunnerConsole.Core.Tests.Operations;

/// <summary>
/// The requests the engine sends for the real default runner, counted in the sandbox's request log. A write is any
/// request but GET that is not a dry-run; reads are GETs (discovery included).
/// </summary>
public sealed class RequestBudgetTests
{
    private static readonly string Values = RunnerConsole.Core.Tests.Values.TestValues.WithExistingSecrets("budget-runner");

    private const string Version = "1.1.0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OperationOptions Options => TestSandbox.Options with { Wait = false };

    [Fact]
    public async Task Install_DefaultRunnerIntoNewNamespace_WritesObjectsPlusThreeAndReadsThree()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Server.Log.Clear();

        var (result, objects) = await InstallAsync(sandbox);

        Assert.True(result.Succeeded, result.Message);
        var log = sandbox.Server.Log.Entries;
        var writes = log.Where(IsWrite).ToList();
        // The namespace, the pending revision (the lock), every object once, the revision marked deployed.
        Assert.True(writes.Count <= objects + 3, $"{writes.Count} writes for {objects} objects:\n{string.Join("\n", writes)}");
        Assert.Single(writes, w => w.Resource == "namespaces");
        Assert.Equal(["POST", "PUT"], writes.Where(w => w.Resource == "secrets" && w.Method is "POST" or "PUT").Select(w => w.Method).Order(StringComparer.Ordinal));
        Assert.Equal(objects, writes.Count(w => w.Method == "PATCH"));
        // Reads: the release history, the namespace, the registry key pair. No discovery, no per-object read, no dry-run.
        var reads = log.Where(e => e.Method == "GET").ToList();
        Assert.True(reads.Count <= 3, string.Join("\n", reads));
        Assert.DoesNotContain(log, e => e.Query.Contains("dryRun", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Install_DefaultRunnerIntoExistingEmptyNamespace_ListsEachKindOnceInsteadOfReadingEachObject()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.Cluster.CreateAsync(KubeObjects.Namespace(TestSandbox.Ns), Ct);
        sandbox.Server.Log.Clear();

        var (result, objects) = await InstallAsync(sandbox);

        Assert.True(result.Succeeded, result.Message);
        var log = sandbox.Server.Log.Entries;
        Assert.DoesNotContain(log, e => e.Query.Contains("dryRun", StringComparison.Ordinal));
        Assert.DoesNotContain(log, e => e.Verb == "get" && e.Resource is not ("namespaces" or "secrets"));
        var kinds = result.Plan!.Objects.Where(o => o.Key.Namespace == TestSandbox.Ns).Select(o => o.Key.Kind).Distinct().Count();
        // One list per kind, plus the release history (a list of Secrets by label).
        Assert.Equal(kinds + 1, log.Count(e => e.Verb == "list"));
        Assert.Equal(objects + 2, log.Count(IsWrite));
    }

    [Fact]
    public async Task Install_ExistingNamespaceHoldsAnObjectOfOurs_StillRefusesToTakeItOverWithoutAdopt()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.Cluster.CreateAsync(KubeObjects.Namespace(TestSandbox.Ns), Ct);
        await sandbox.Cluster.CreateAsync(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "otel-collector", ["namespace"] = TestSandbox.Ns } }, Ct);

        var (result, _) = await InstallAsync(sandbox);

        Assert.False(result.Succeeded);
        Assert.Contains("adopt", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("otel-collector", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_DefaultRunnerUnchanged_WritesOnlyTheReleaseRecordsAndDryRunsNothing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (install, objects) = await InstallAsync(sandbox);
        Assert.True(install.Succeeded, install.Message);
        sandbox.Server.Log.Clear();

        var request = await RequestAsync(sandbox);
        var result = await new UpgradeOperation(sandbox.Context).RunAsync(request, install: false, Options, null, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Plan!.HasChanges, string.Join("\n", result.Plan.Objects.Where(o => o.IsChange).Select(o => o.Key + "\n" + o.TextDiff)));
        var log = sandbox.Server.Log.Entries;
        var writes = log.Where(IsWrite).ToList();
        // Exactly helm's three: revision 2 created pending (the lock) and then marked deployed, revision 1 marked superseded.
        Assert.Equal(3, writes.Count);
        Assert.All(writes, w => Assert.Equal("secrets", w.Resource));
        Assert.Single(writes, w => w.Method == "POST");
        Assert.Equal(["sh.helm.release.v1.runner.v1", "sh.helm.release.v1.runner.v2"], writes.Where(w => w.Method == "PUT").Select(w => w.Name).Order(StringComparer.Ordinal));
        // The record proves nothing changed, so no dry-run; one read per object plus history and the registry key pair.
        Assert.DoesNotContain(log, e => e.Query.Contains("dryRun", StringComparison.Ordinal));
        Assert.True(log.Count(e => e.Method == "GET") <= objects + 2, string.Join("\n", log));
        Assert.Equal([(1, "superseded"), (2, "deployed")], sandbox.StoredRevisions());
    }

    [Fact]
    public async Task Upgrade_DefaultRunnerImageBump_DryRunsAndAppliesOnlyTheChangedObject()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        Assert.True((await InstallAsync(sandbox)).Result.Succeeded);
        sandbox.Server.Log.Clear();

        var request = await RequestAsync(sandbox, Values + "\ntoolManager: { image: { tag: v0.5.9 } }\n");
        var result = await new UpgradeOperation(sandbox.Context).RunAsync(request, install: false, Options, null, Ct);

        Assert.True(result.Succeeded, result.Message);
        var changed = Assert.Single(result.Plan!.Objects, o => o.IsChange);
        Assert.Equal(("Deployment", PlanAction.Change), (changed.Key.Kind, changed.Action));
        var log = sandbox.Server.Log.Entries;
        var dryRun = Assert.Single(log, e => e.Query.Contains("dryRun", StringComparison.Ordinal));
        Assert.Equal("deployments", dryRun.Resource);
        var objectWrites = log.Where(IsWrite).Where(w => w.Resource != "secrets").ToList();
        Assert.Equal([("PATCH", "deployments")], objectWrites.Select(w => (w.Method, w.Resource)));
    }

    [Fact]
    public async Task UpgradeWithInstall_NewRelease_ListsTheHistoryOnce()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Server.Log.Clear();

        var request = await RequestAsync(sandbox, install: true);
        var result = await new UpgradeOperation(sandbox.Context).RunAsync(request with { CreateNamespace = true }, install: true, Options, null, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([(1, "deployed")], sandbox.StoredRevisions());
        Assert.Single(sandbox.Server.Log.Entries, e => e.Verb == "list" && e.Resource == "secrets");
    }

    [Fact]
    public async Task Diff_DefaultRunnerChanged_WritesNothing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        Assert.True((await InstallAsync(sandbox)).Result.Succeeded);
        sandbox.Server.Log.Clear();

        var request = await RequestAsync(sandbox, Values + "\ntoolManager: { image: { tag: v0.5.9 } }\n");
        var plan = await new DiffOperation(sandbox.Context).RunAsync(request, new PlanOptions(), Ct);

        Assert.Equal(PlanAction.Change, Assert.Single(plan.Objects, o => o.IsChange).Action);
        var log = sandbox.Server.Log.Entries;
        Assert.DoesNotContain(log, IsWrite);
        Assert.Contains(log, e => e.Query.Contains("dryRun", StringComparison.Ordinal));
    }

    private static async Task<(OperationResult Result, int Objects)> InstallAsync(TestSandbox sandbox)
    {
        var request = await RequestAsync(sandbox, install: true);
        var result = await new InstallOperation(sandbox.Context).RunAsync(request with { CreateNamespace = true }, Options, null, Ct);
        return (result, request.Desired.Count);
    }

    // As the CLI does: the release history (and for an install the namespace) read while the values are rendered.
    private static async Task<ReleaseRequest> RequestAsync(TestSandbox sandbox, string? values = null, bool install = false)
    {
        values ??= Values;
        sandbox.Context.Prefetch(TestSandbox.Release, TestSandbox.Ns, install, Ct);
        var input = await ReleaseInputs.FromValuesAsync(values, Version, TestSandbox.Release, TestSandbox.Ns, sandbox.Cluster, TimeProvider.System, Ct);
        return input.Request ?? throw new InvalidOperationException(string.Join("; ", input.Errors));
    }

    private static bool IsWrite(RequestLogEntry e) => e.Method != "GET" && !e.Query.Contains("dryRun", StringComparison.Ordinal);
}
