using RunnerConsole.Cli;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Console.Tests.Cli;

/// <summary><c>render</c>'s direct path (no full command-line model) must read the same options and print the same stream.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("render-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ParseDirect_EveryOptionInPlainForms_ReadsThem()
    {
        var settings = RenderCommand.ParseDirect(["-f", "v.yaml", "--version=1.1.0", "--release", "r1", "-n", "ns", "--output-dir", "out", "--show-secrets"]);

        Assert.NotNull(settings);
        Assert.Equal(("v.yaml", "1.1.0", "r1", "ns", "out", true), (settings.ValuesFile, settings.Version, settings.Release, settings.Namespace, settings.OutputDir, settings.ShowSecrets));
    }

    [Fact]
    public void ParseDirect_NoOptions_KeepsTheVerbDefaults()
    {
        var settings = RenderCommand.ParseDirect(["--values", "v.yaml"]);

        Assert.NotNull(settings);
        Assert.Equal(("kubiya-runner", "kubiya", null, false), (settings.Release, settings.Namespace, settings.OutputDir, settings.ShowSecrets));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-f")]
    [InlineData("-f", "a.yaml", "-f", "b.yaml")]
    [InlineData("-f", "a.yaml", "--bogus", "x")]
    [InlineData("-f", "a.yaml", "extra")]
    [InlineData("-f", "a.yaml", "--show-secrets", "--show-secrets")]
    [InlineData("-f", "--namespace")]
    public void ParseDirect_AnythingUnusual_LeavesItToTheFullCommandLine(params string[] args)
    {
        Assert.Null(RenderCommand.ParseDirect(args));
    }

    [Fact]
    public void TryRunDirect_MissingValuesFileOrOtherVerb_IsNotTaken()
    {
        Assert.Null(RenderCommand.TryRunDirect(["render", "-n", "ns"]));
        Assert.Null(RenderCommand.TryRunDirect(["export", "bundle", "-f", "v.yaml"]));
    }

    [Fact]
    public async Task Render_DirectPath_PrintsTheVerbsStreamAndFullPathStillServesHelp()
    {
        var values = Path.Combine(_dir, "values.yaml");
        await File.WriteAllTextAsync(values, "runner:\n  name: cli\n  organization: acme\ncloud:\n  runnerCredentials:\n    existingSecret: rc\n  customerCredentials:\n    existingSecret: cc\n", TestContext.Current.CancellationToken);

        var direct = await CliProcess.RunAsync(_dir, "render", "-f", values, "-n", "team-a");
        var help = await CliProcess.RunAsync(_dir, "render", "--help");

        Assert.True(direct.ExitCode == 0, direct.ToString());
        var (input, _) = await RunnerInputs.LoadAsync(new RenderCommand.Settings { ValuesFile = values, Namespace = "team-a" }, TestContext.Current.CancellationToken);
        Assert.Equal(ManifestOutput.ToHelmStream(RunnerInputs.RenderForOutput(input!, showSecrets: false)), direct.Stdout);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--show-secrets", help.Stdout, StringComparison.Ordinal);
    }
}
