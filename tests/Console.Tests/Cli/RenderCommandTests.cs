using RunnerConsole.Cli;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Console.Tests.Cli;

/// <summary><c>render</c> as a process: the stream it prints, its help, and the verb-scoped command line around it.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("render-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Render_AsAProcess_PrintsTheStreamAndServesHelp()
    {
        var values = Path.Combine(_dir, "values.yaml");
        await File.WriteAllTextAsync(values, "runner:\n  name: cli\n  organization: acme\ncloud:\n  runnerCredentials:\n    existingSecret: rc\n  customerCredentials:\n    existingSecret: cc\n", TestContext.Current.CancellationToken);

        var direct = await CliProcess.RunAsync(_dir, "render", "--values=" + values, "-n", "team-a");
        var help = await CliProcess.RunAsync(_dir, "render", "--help");

        Assert.True(direct.ExitCode == 0, direct.ToString());
        var (input, _) = await RunnerInputs.LoadAsync(new RenderCommand.Settings { ValuesFile = values, Namespace = "team-a" }, TestContext.Current.CancellationToken);
        Assert.Equal(ManifestOutput.ToHelmStream(RunnerInputs.RenderForOutput(input!, showSecrets: false)), direct.Stdout);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--show-secrets", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Traced_PrintsItsStepsOnStderrAndTheSameStream()
    {
        var values = Path.Combine(_dir, "values.yaml");
        await File.WriteAllTextAsync(values, "runner:\n  name: cli\n  organization: acme\ncloud:\n  runnerCredentials:\n    existingSecret: rc\n  customerCredentials:\n    existingSecret: cc\n", TestContext.Current.CancellationToken);

        var plain = await CliProcess.RunAsync(_dir, "render", "-f", values);
        var traced = await CliProcess.RunAsync(_dir, new Dictionary<string, string?> { ["RUNNER_CONSOLE_TRACE"] = "1" }, "render", "-f", values);

        Assert.True(traced.ExitCode == 0, traced.ToString());
        Assert.Equal(plain.Stdout, traced.Stdout);
        foreach (var step in new[] { "command line", "values", "render", "YAML", "total" })
        {
            Assert.Matches($"(?m)^trace: .* {step}$", traced.Stderr);
        }

        Assert.DoesNotContain("trace:", plain.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_UnknownOption_IsAUsageError()
    {
        var values = Path.Combine(_dir, "values.yaml");
        await File.WriteAllTextAsync(values, "runner:\n  name: cli\n", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(_dir, "render", "-f", values, "--no-such-option");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--no-such-option", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_WithAndWithoutAVerb_ListsWhatEachShould()
    {
        // A verb first registers only that verb (start-up time); help without one still lists every verb.
        var all = await CliProcess.RunAsync(_dir, "--help");
        var values = await CliProcess.RunAsync(_dir, "values", "--help");

        Assert.True(all.ExitCode == 0, all.ToString());
        foreach (var verb in new[] { "install", "upgrade", "diff", "render", "values", "export", "lint", "sandbox", "serve" })
        {
            Assert.Contains(verb, all.Stdout, StringComparison.Ordinal);
        }

        Assert.True(values.ExitCode == 0, values.ToString());
        Assert.Contains("validate", values.Stdout, StringComparison.Ordinal);
    }
}
