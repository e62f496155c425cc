using RunnerConsole.Cli;

namespace RunnerConsole.Console.Tests.Cli;

public sealed class ExportCommandTests : IDisposable
{
    private const string PlantedSecret = "planted-nats-seed-SUAXYZ0123456789";
    private readonly string _dir = Directory.CreateTempSubdirectory("export-cli-").FullName;

    public ExportCommandTests()
    {
        File.WriteAllText(Path.Combine(_dir, "existing.yaml"), """
            runner: { name: eu-runner, organization: acme }
            cloud:
              runnerCredentials: { existingSecret: runner-nats }
              customerCredentials: { existingSecret: customer-nats }
            """);
        File.WriteAllText(Path.Combine(_dir, "inline.yaml"), $$"""
            runner: { name: eu-runner, organization: acme }
            cloud:
              runnerCredentials: { existingSecret: runner-nats }
              customerCredentials:
                value: |
                  -----BEGIN NATS USER JWT-----
                  eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.e30.{{PlantedSecret}}
                  ------END NATS USER JWT------
                  -----BEGIN USER NKEY SEED-----
                  {{PlantedSecret}}
                  ------END USER NKEY SEED------
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ExportChart_ExistingSecrets_WritesVersionedPackage()
    {
        var result = await CliProcess.RunAsync(_dir, "export", "chart", "-f", "existing.yaml", "-o", "dist");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var package = Assert.Single(Directory.GetFiles(Path.Combine(_dir, "dist"), "*.tgz"));
        Assert.Matches(@"kubiya-runner-\d+\.\d+\.\d+\.tgz$", package);
        Assert.Equal(package, result.Stdout.Trim());
    }

    [Fact]
    public async Task ExportChart_InlineCredentials_RefusesAndWritesNothing()
    {
        var result = await CliProcess.RunAsync(_dir, "export", "chart", "-f", "inline.yaml", "-o", "dist");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("must not carry secret values", result.Stderr);
        Assert.DoesNotContain(PlantedSecret, result.Stdout + result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_dir, "dist")));
    }

    [Fact]
    public async Task ExportValues_InlineCredentials_AreRedacted()
    {
        var result = await CliProcess.RunAsync(_dir, "export", "values", "-f", "inline.yaml");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("organization: acme", result.Stdout);
        Assert.DoesNotContain(PlantedSecret, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task ExportBundle_Default_MasksSecretDataAndListsEveryObject()
    {
        var result = await CliProcess.RunAsync(_dir, "export", "bundle", "-f", "inline.yaml", "-o", "bundle.yaml");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var bundle = await File.ReadAllTextAsync(Path.Combine(_dir, "bundle.yaml"), TestContext.Current.CancellationToken);
        Assert.Contains("kind: Deployment", bundle);
        Assert.DoesNotContain(PlantedSecret, bundle);
        Assert.DoesNotContain("PRIVATE KEY", bundle);
    }

    [Fact]
    public async Task Export_UnknownOption_IsAUsageError()
    {
        var result = await CliProcess.RunAsync(_dir, "export", "chart", "-f", "existing.yaml", "--bogus");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--bogus", result.Stderr);
    }

    [Fact]
    public async Task Export_InvalidValues_PrintsEveryErrorWithLine()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "bad.yaml"), "runner: { name: Bad_Name }\nmonitoring: { otelCollector: { scrapeInterval: 5s } }\n", TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_dir, "export", "values", "-f", "bad.yaml");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("runner.name", result.Stderr);
        Assert.Contains("runner.organization", result.Stderr);
        Assert.Contains("monitoring.otelCollector.scrapeInterval", result.Stderr);
        Assert.Contains("bad.yaml:", result.Stderr);
    }
}
