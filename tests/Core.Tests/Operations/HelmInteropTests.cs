using System.Text.Json.Nodes;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Tests.Operations;

/// <summary>The real helm binary reads and acts on what we store, and we read what it stores.</summary>
public sealed class HelmInteropTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HelmCli_OurRelease_ListHistoryStatusValuesManifestAgree()
    {
        TestHelm.Require();
        await using var sandbox = await TestSandbox.StartAsync();
        var helm = new TestHelm(sandbox.KubeconfigPath, Path.GetDirectoryName(sandbox.KubeconfigPath)!);
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request("one"), TestSandbox.Options, null, Ct)).Succeeded);
        Assert.True((await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("two", appVersion: "0.7.0"), false, TestSandbox.Options, null, Ct)).Succeeded);

        var list = JsonNode.Parse(await helm.OkAsync("list", "-n", TestSandbox.Ns, "-o", "json"))!.AsArray();
        var entry = Assert.Single(list)!;
        Assert.Equal("runner", (string?)entry["name"]);
        Assert.Equal("2", entry["revision"]!.ToString());
        Assert.Equal("deployed", (string?)entry["status"]);
        Assert.Equal("kubiya-runner-0.7.0", (string?)entry["chart"]);
        Assert.Equal("0.7.0", (string?)entry["app_version"]);

        var history = JsonNode.Parse(await helm.OkAsync("history", "runner", "-n", TestSandbox.Ns, "-o", "json"))!.AsArray();
        Assert.Equal(["superseded", "deployed"], history.Select(h => (string?)h!["status"]));
        Assert.StartsWith("Upgrade complete", (string?)history[1]!["description"]);

        var status = JsonNode.Parse(await helm.OkAsync("status", "runner", "-n", TestSandbox.Ns, "-o", "json"))!;
        Assert.Equal("deployed", (string?)status["info"]!["status"]);
        Assert.Equal(2, (int?)status["version"]);

        var values = JsonNode.Parse(await helm.OkAsync("get", "values", "runner", "-n", TestSandbox.Ns, "-o", "json"))!;
        Assert.Equal("two", (string?)values["configValue"]);

        var manifest = await helm.OkAsync("get", "manifest", "runner", "-n", TestSandbox.Ns);
        var stored = (await sandbox.Context.Store.GetAsync("runner", TestSandbox.Ns, 2, Ct))!.Record.Manifest!;
        Assert.Equal(stored.Trim(), manifest.Trim());
    }

    [Theory]
    // Our default field manager: helm (manager "helm", force=false) must force to change fields we own.
    [InlineData("runner-console", "--force-conflicts")]
    // Applying as "helm": plain helm rollback works.
    [InlineData("helm", null)]
    public async Task HelmRollback_OfOurRelease_WorksAndOurHistoryShowsIt(string fieldManager, string? helmFlag)
    {
        TestHelm.Require();
        await using var sandbox = await TestSandbox.StartAsync();
        var helm = new TestHelm(sandbox.KubeconfigPath, Path.GetDirectoryName(sandbox.KubeconfigPath)!);
        var options = TestSandbox.Options with { FieldManager = fieldManager };
        Assert.True((await new InstallOperation(sandbox.Context).RunAsync(TestSandbox.Request("one"), options, null, Ct)).Succeeded);
        Assert.True((await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("two", withExtra: false), false, options, null, Ct)).Succeeded);

        await helm.OkAsync(["rollback", "runner", "1", "-n", TestSandbox.Ns, .. helmFlag is null ? Array.Empty<string>() : [helmFlag]]);

        var history = await new HistoryOperation(sandbox.Context).RunAsync("runner", TestSandbox.Ns, Ct);
        Assert.Equal([ReleaseStatus.Superseded, ReleaseStatus.Superseded, ReleaseStatus.Deployed], history.Select(h => h.Status));
        Assert.Equal("Rollback to 1", history[2].Description);
        Assert.Equal("one", (string?)sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-config")!["data"]!["value"]);
        Assert.NotNull(sandbox.Server.GetObject("", "configmaps", TestSandbox.Ns, "runner-extra"));

        // And we carry on from helm's revision.
        var upgrade = await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("three"), false, options with { ForceConflicts = helmFlag is not null }, null, Ct);
        Assert.True(upgrade.Succeeded, upgrade.Message);
        Assert.Equal(4, upgrade.Record!.Version);
    }

    [Fact]
    public async Task ReleaseStore_ReleaseInstalledByHelm_DecodesAndUpgradesIt()
    {
        TestHelm.Require();
        await using var sandbox = await TestSandbox.StartAsync();
        var home = Path.GetDirectoryName(sandbox.KubeconfigPath)!;
        var helm = new TestHelm(sandbox.KubeconfigPath, home);
        var chart = Path.Combine(home, "chart");
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        await File.WriteAllTextAsync(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: tiny\nversion: 1.2.3\nappVersion: \"4.5\"\ndescription: a tiny chart\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(chart, "values.yaml"), "greeting: hello\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(chart, "templates", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: runner-config\ndata:\n  value: {{ .Values.greeting | quote }}\n", Ct);
        await helm.OkAsync("install", "runner", chart, "-n", TestSandbox.Ns, "--create-namespace", "--set", "greeting=hi");

        var stored = Assert.Single(await sandbox.Context.Store.HistoryAsync("runner", TestSandbox.Ns, Ct)).Record;

        Assert.Equal(ReleaseStatus.Deployed, stored.Status);
        Assert.Equal("tiny", stored.Chart.Metadata.Name);
        Assert.Equal("1.2.3", stored.Chart.Metadata.Version);
        Assert.Equal("4.5", stored.Chart.Metadata.AppVersion);
        Assert.Equal("hi", (string?)stored.Config!["greeting"]);
        Assert.Equal("hello", (string?)stored.Chart.Values!["greeting"]);
        Assert.Equal("templates/cm.yaml", stored.Chart.Templates.Single().Name);
        Assert.Contains("# Source: tiny/templates/cm.yaml", stored.Manifest);
        Assert.NotNull(stored.Info.FirstDeployed);
        Assert.Equal("runner-config", Assert.Single(HelmManifest.Parse(stored.Manifest)).Name);

        // Taking over a helm-installed release: our upgrade continues its history.
        var upgrade = await new UpgradeOperation(sandbox.Context).RunAsync(TestSandbox.Request("ours"), false, TestSandbox.Options with { ForceConflicts = true }, null, Ct);
        Assert.True(upgrade.Succeeded, upgrade.Message);
        Assert.Equal([(1, "superseded"), (2, "deployed")], sandbox.StoredRevisions());
        var history = JsonNode.Parse(await helm.OkAsync("history", "runner", "-n", TestSandbox.Ns, "-o", "json"))!.AsArray();
        Assert.Equal(2, history.Count);
    }
}
