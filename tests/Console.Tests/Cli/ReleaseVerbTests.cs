using RunnerConsole.Cli;
using RunnerConsole.Sandbox;

namespace RunnerConsole.Console.Tests.Cli;

/// <summary>The release verbs end to end against an in-process sandbox, with the real renderer.</summary>
public sealed class ReleaseVerbTests : IAsyncLifetime
{
    private const string Credentials = "-----BEGIN NATS USER JWT-----\n      eyJ0eXAiOiJKV1QifQ.test.jwt\n      ------END NATS USER JWT------\n\n      -----BEGIN USER NKEY SEED-----\n      SUATESTSEEDNOTREAL\n      ------END USER NKEY SEED------\n";

    private CliSandbox? _sandbox;

    private string Dir => _sandbox!.Dir;

    private SandboxServer Server => _sandbox!.Server;

    private string Kubeconfig => _sandbox!.Kubeconfig;

    public async ValueTask InitializeAsync() => _sandbox = await CliSandbox.StartAsync("release-verbs-");

    public ValueTask DisposeAsync() => _sandbox!.DisposeAsync();

    [Fact]
    public async Task Verbs_InstallDiffUpgradeRollbackUninstall_ExitCodesAndClusterState()
    {
        var v1 = Values("r1");
        var v2 = Values("r2");

        Assert.Equal(ExitCodes.Ok, await Run("install", "runner", "-n", "kubiya", "-f", v1, "--create-namespace", "--wait", "--timeout", "60s"));
        Assert.Equal(ExitCodes.Ok, await Run("diff", "runner", "-n", "kubiya", "-f", v1, "--detailed-exitcode"));
        Assert.Equal(ExitCodes.Changes, await Run("diff", "runner", "-n", "kubiya", "-f", v2, "--detailed-exitcode", "-o", "json"));
        Assert.Equal(ExitCodes.Ok, await Run("upgrade", "runner", "-n", "kubiya", "-f", v2, "--wait"));
        Assert.Equal(ExitCodes.Ok, await Run("rollback", "runner", "1", "-n", "kubiya", "--wait"));
        Assert.Equal(ExitCodes.Ok, await Run("history", "runner", "-n", "kubiya", "-o", "json"));
        Assert.Equal(ExitCodes.Ok, await Run("status", "runner", "-n", "kubiya"));
        Assert.Equal(["superseded", "superseded", "deployed"], Statuses());

        Assert.Equal(ExitCodes.Ok, await Run("uninstall", "runner", "-n", "kubiya", "--keep-history"));
        Assert.Equal(["superseded", "superseded", "uninstalled"], Statuses());
        Assert.Empty(Server.ListObjects("apps", "deployments", "kubiya"));
    }

    [Fact]
    public async Task Install_InvalidValues_ExitsInvalidInputAndTouchesNothing()
    {
        var bad = Path.Combine(Dir, "bad.yaml");
        await File.WriteAllTextAsync(bad, "runner:\n  name: UPPER_CASE\n", TestContext.Current.CancellationToken);

        var before = Server.Log.Entries.Count;

        Assert.Equal(ExitCodes.InvalidInput, await Run("install", "runner", "-n", "kubiya", "-f", bad, "--create-namespace"));
        Assert.Empty(Server.ListObjects("", "secrets", "kubiya"));
        // The values are checked before the first request: nothing was even read.
        Assert.Equal(before, Server.Log.Entries.Count);
    }

    [Fact]
    public async Task Install_InvalidValues_ErrorsNameTheFileLineAndKey()
    {
        var bad = Path.Combine(Dir, "bad-values.yaml");
        await File.WriteAllTextAsync(bad, "runner:\n  name: UPPER_CASE\n", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(Dir, "install", "runner", "-n", "kubiya", "-f", bad, "--kubeconfig", Kubeconfig);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"error: {bad}:2:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("runner.name", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("huge", "larger than 1 MiB")]
    [InlineData("latin1", "not UTF-8")]
    public async Task Install_ValuesFileUnusable_SaysWhyAndTouchesNothing(string kind, string expected)
    {
        var file = Path.Combine(Dir, kind + ".yaml");
        var content = kind == "huge"
            ? System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("# padding padding padding padding padding\n", 30_000)))
            : [.. "runner:\n  name: caf"u8.ToArray(), 0xE9, (byte)'\n'];
        await File.WriteAllBytesAsync(file, content, TestContext.Current.CancellationToken);
        var before = Server.Log.Entries.Count;

        var run = await CliProcess.RunAsync(Dir, "upgrade", "runner", "-n", "kubiya", "-f", file, "--install", "--kubeconfig", Kubeconfig);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"{file}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Server.Log.Entries.Count);
    }

    [Fact]
    public async Task History_UnknownRelease_ExitsClusterError()
    {
        Assert.Equal(ExitCodes.ClusterError, await Run("history", "nope", "-n", "default"));
    }

    private Task<int> Run(params string[] args) => CliApp.RunAsync([.. args, "--kubeconfig", Kubeconfig]);

    private string Values(string runner)
    {
        var path = Path.Combine(Dir, $"{runner}.yaml");
        File.WriteAllText(path, $"runner:\n  name: {runner}\n  organization: acme\ncloud:\n  runnerCredentials:\n    value: |\n      {Credentials}  customerCredentials:\n    value: |\n      {Credentials}");
        return path;
    }

    private List<string> Statuses() =>
        [.. Server.ListObjects("", "secrets", "kubiya")
            .Where(s => (string?)s["metadata"]?["labels"]?["owner"] == "helm")
            .OrderBy(s => int.Parse((string)s["metadata"]!["labels"]!["version"]!, System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => (string)s["metadata"]!["labels"]!["status"]!)];
}
