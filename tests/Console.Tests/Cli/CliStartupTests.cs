using RunnerConsole.Cli;

namespace RunnerConsole.Console.Tests.Cli;

public sealed class CliStartupTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData(new[] { "install", "runner", "-n", "kubiya" }, "install-")]
    [InlineData(new[] { "values", "validate", "-f", "v.yaml" }, "values-validate-")]
    [InlineData(new[] { "export", "chart", "-o", "dist" }, "export-chart-")]
    [InlineData(new[] { "render", "-f", "v.yaml" }, "render-")]
    public void ProfileFor_AVerb_OneFilePerVerbInTheCacheFolder(string[] args, string prefix)
    {
        var (directory, file) = CliStartup.ProfileFor(args, Env(("HOME", "/home/op")))!.Value;

        Assert.Equal(Path.Combine("/home/op", ".cache", "runner-console", "jit"), directory);
        Assert.StartsWith(prefix, file, StringComparison.Ordinal);
        Assert.Matches("^[a-z-]+-[0-9a-f]{12}\\.profile$", file);
    }

    [Fact]
    public void ProfileFor_XdgCacheHome_IsUsed()
    {
        var profile = CliStartup.ProfileFor(["status", "runner"], Env(("HOME", "/home/op"), ("XDG_CACHE_HOME", "/var/cache/op")));

        Assert.Equal(Path.Combine("/var/cache/op", "runner-console", "jit"), profile!.Value.Directory);
    }

    [Fact]
    public void ProfileFor_TheSameBuild_NamesTheSameFile()
    {
        var first = CliStartup.ProfileFor(["install", "a"], Env(("HOME", "/h")));
        var second = CliStartup.ProfileFor(["install", "b", "-n", "x"], Env(("HOME", "/h")));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("")] // the console (serve is the default verb)
    [InlineData("serve --urls http://127.0.0.1:5080")]
    [InlineData("--urls http://127.0.0.1:5080")]
    [InlineData("install --help")]
    [InlineData("../../etc/passwd")]
    public void ProfileFor_TheConsoleHelpOrNoVerb_KeepsNone(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Null(CliStartup.ProfileFor(args, Env(("HOME", "/home/op"))));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    public void ProfileFor_TurnedOff_KeepsNone(string value)
    {
        Assert.Null(CliStartup.ProfileFor(["install", "runner"], Env(("HOME", "/home/op"), (CliStartup.EnvironmentVariable, value))));
    }

    [Fact]
    public void ProfileFor_NoHomeAndNoCache_KeepsNone()
    {
        Assert.Null(CliStartup.ProfileFor(["install", "runner"], Env()));
    }

    [Fact]
    public async Task Run_AVerb_RecordsItsProfileAndRemovesStaleOnes()
    {
        var cache = Directory.CreateTempSubdirectory("jit-cache-").FullName;
        try
        {
            var jit = Directory.CreateDirectory(Path.Combine(cache, "runner-console", "jit")).FullName;
            var stale = Path.Combine(jit, "values-init-000000000000.profile");
            var otherVerb = Path.Combine(jit, "install-000000000000.profile");
            await File.WriteAllTextAsync(stale, "old build", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(otherVerb, "old build", TestContext.Current.CancellationToken);
            var env = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache, [CliStartup.EnvironmentVariable] = null };

            var first = await CliProcess.RunAsync(cache, env, "values", "init");
            var second = await CliProcess.RunAsync(cache, env, "values", "init");

            Assert.Equal(0, first.ExitCode);
            Assert.Equal(first.Stdout, second.Stdout);
            var profile = Assert.Single(Directory.GetFiles(jit, "values-init-*.profile"));
            Assert.NotEqual(stale, profile);
            Assert.True(new FileInfo(profile).Length > 0, "the runtime wrote no profile");
            Assert.True(File.Exists(otherVerb), "another verb's profile was removed");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task Run_CacheFolderNotWritable_StillWorks()
    {
        var dir = Directory.CreateTempSubdirectory("jit-ro-").FullName;
        try
        {
            var blocker = Path.Combine(dir, "cache");
            await File.WriteAllTextAsync(blocker, "a file where the cache folder would be", TestContext.Current.CancellationToken);

            var run = await CliProcess.RunAsync(dir, new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = blocker }, "values", "init");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("runner:", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
