using System.Text.RegularExpressions;
using RunnerConsole.Cli;

namespace RunnerConsole.Console.Tests.Cli;

/// <summary>
/// What the verbs print when stdout is a pipe or a file (CI logs, <c>| grep</c>, <c>&gt; plan.diff</c>): lines never
/// wrapped at 80 columns, tables as kubectl and helm print them (no borders, columns three spaces apart, no trailing
/// blanks).
/// </summary>
public sealed partial class CliOutputTests : IAsyncLifetime
{
    private CliSandbox? _sandbox;

    private string Dir => _sandbox!.Dir;

    private string Kubeconfig => _sandbox!.Kubeconfig;

    public async ValueTask InitializeAsync() => _sandbox = await CliSandbox.StartAsync("cli-output-");

    public ValueTask DisposeAsync() => _sandbox!.DisposeAsync();

    [Fact]
    public async Task DiffHistoryAndStatus_Piped_AreUnwrappedPlainLines()
    {
        const string Values = "runner:\n  name: out\n  organization: acme\ncloud:\n  runnerCredentials:\n    existingSecret: rc\n  customerCredentials:\n    existingSecret: cc\n";
        await File.WriteAllTextAsync(Path.Combine(Dir, "v1.yaml"), Values, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Dir, "v2.yaml"), Values + "monitoring:\n  otelCollector:\n    scrapeInterval: 45s\n", TestContext.Current.CancellationToken);
        var install = await Cli("install", "out", "-n", "kubiya", "--create-namespace", "-f", "v1.yaml");
        Assert.True(install.ExitCode == 0, install.ToString());

        var diff = await Cli("diff", "out", "-n", "kubiya", "-f", "v2.yaml");
        var history = await Cli("history", "out", "-n", "kubiya");
        var status = await Cli("status", "out", "-n", "kubiya");

        // The checksum annotation's line is 95 characters: one line each side, not two.
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Matches(ChecksumLine(), diff.Stdout);
        Assert.Contains("Plan: 0 to add, 2 to change, 0 to remove", diff.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', diff.Stdout);

        var rows = history.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("REVISION   UPDATED                STATUS     CHART                 APP VERSION   DESCRIPTION", rows[0]);
        Assert.Matches(@"^1          \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ   deployed   kubiya-runner-1\.1\.0   \S+ +Install complete by \S+$", rows[1]);
        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains("\nOBJECT ", status.Stdout, StringComparison.Ordinal);
        foreach (var output in new[] { diff.Stdout, history.Stdout, status.Stdout })
        {
            Assert.DoesNotContain('│', output);
            Assert.DoesNotContain(output.Split('\n'), line => line.EndsWith(' '));
        }
    }

    [Fact]
    public async Task Lint_Piped_IsAsWideAsItsContent_NotAsTheUnwrappedWidth()
    {
        await File.WriteAllTextAsync(Path.Combine(Dir, "v.yaml"), "runner:\n  name: out\n  organization: acme\ncloud:\n  runnerCredentials:\n    existingSecret: rc\n  customerCredentials:\n    existingSecret: cc\n", TestContext.Current.CancellationToken);

        var lint = await CliProcess.RunAsync(Dir, "lint", "-f", "v.yaml");

        // A table told to fill the console would be a million columns wide here.
        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Contains("RS002", lint.Stdout, StringComparison.Ordinal);
        Assert.All(lint.Stdout.Split('\n'), line => Assert.True(line.Length < 2_000, $"a line of {line.Length} characters"));
    }

    private Task<CliProcess.Result> Cli(params string[] args) => CliProcess.RunAsync(Dir, [.. args, "--kubeconfig", Kubeconfig]);

    [GeneratedRegex(@"(?m)^-        checksum/config: [0-9a-f]{64}\n\+        checksum/config: [0-9a-f]{64}$")]
    private static partial Regex ChecksumLine();
}
