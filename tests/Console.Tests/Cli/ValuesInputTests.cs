using RunnerConsole.Cli;

namespace RunnerConsole.Console.Tests.Cli;

/// <summary>
/// Every verb that takes <c>-f</c> reads it the same way (one reader, one check): the same errors in the same words,
/// <c>-</c> for standard input, and each problem once.
/// </summary>
public sealed class ValuesInputTests : IDisposable
{
    private const string Valid = "runner:\n  name: cli\n  organization: acme\ncloud:\n  runnerCredentials:\n    existingSecret: rc\n  customerCredentials:\n    existingSecret: cc\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("values-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("missing")]
    [InlineData("unknown-version-flag")]
    [InlineData("unknown-version-in-file")]
    [InlineData("invalid")]
    public async Task RenderAndInstall_ReportAValuesProblemInTheSameWords(string problem)
    {
        var (file, extra, expected) = problem switch
        {
            "missing" => ("absent.yaml", Array.Empty<string>(), "error: absent.yaml: no such file"),
            "unknown-version-flag" => (Write("v.yaml", Valid), ["--version", "9.9.9"], "error: unknown runner version '9.9.9'; known: "),
            "unknown-version-in-file" => (Write("v.yaml", "version: 9.9.9\n" + Valid), [], "error: v.yaml:1:1: version: unknown runner version '9.9.9'; known: "),
            _ => (Write("v.yaml", "runner:\n  name: Bad_Name\n"), [], "error: v.yaml:2:3: runner.name: "),
        };

        // A kubeconfig naming a port nothing listens on: a bad values file stops the run before any connection.
        var kubeconfig = Write("kubeconfig", """
            apiVersion: v1
            kind: Config
            current-context: nowhere
            clusters:
            - name: nowhere
              cluster: { server: "http://127.0.0.1:1" }
            users:
            - name: u
              user: { token: t }
            contexts:
            - name: nowhere
              context: { cluster: nowhere, user: u }
            """);
        var render = await CliProcess.RunAsync(_dir, ["render", "-f", file, .. extra]);
        var install = await CliProcess.RunAsync(_dir, ["install", "r", "-n", "kubiya", "-f", file, "--kubeconfig", kubeconfig, .. extra]);

        Assert.Equal(ExitCodes.InvalidInput, render.ExitCode);
        Assert.Equal(ExitCodes.InvalidInput, install.ExitCode);
        Assert.StartsWith(expected, render.Stderr, StringComparison.Ordinal);
        Assert.Equal(render.Stderr, install.Stderr);
        // An unknown version in the file is one error, not one from the values check and one from the catalog lookup.
        Assert.Equal(problem.StartsWith("unknown", StringComparison.Ordinal) ? 1 : 0, render.Stderr.Split("unknown runner version").Length - 1);
        Assert.Empty(render.Stdout);
    }

    [Fact]
    public async Task Render_ReadsStandardInput_AsItReadsAFile()
    {
        var fromFile = await CliProcess.RunAsync(_dir, "render", "-f", Write("v.yaml", Valid));
        var fromStdin = await CliProcess.RunWithInputAsync(_dir, new Dictionary<string, string?>(), Valid, "render", "-f", "-");
        var invalid = await CliProcess.RunWithInputAsync(_dir, new Dictionary<string, string?>(), "runner:\n  name: Bad_Name\n", "render", "-f", "-");

        Assert.True(fromStdin.ExitCode == 0, fromStdin.ToString());
        Assert.Equal(fromFile.Stdout, fromStdin.Stdout);
        Assert.Equal(ExitCodes.InvalidInput, invalid.ExitCode);
        Assert.StartsWith("error: stdin:2:3: runner.name: ", invalid.Stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_dir, name), text);
        return name;
    }
}
