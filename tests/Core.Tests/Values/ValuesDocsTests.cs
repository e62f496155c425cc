using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesDocsTests
{
    [Fact]
    public void ToMarkdown_CheckedInValuesTable_IsInSync()
    {
        RepositoryFiles.AssertInSync("docs/values.md", ValuesDocs.ToMarkdown());
    }

    [Fact]
    public void ToMarkdown_EveryLeafKey_HasARowWithItsDefault()
    {
        var markdown = ValuesDocs.ToMarkdown();

        foreach (var (path, key) in ValuesModel.AllPaths().Where(p => p.Key.Kind != ValueKind.Object))
        {
            Assert.Contains($"| `{path}` |", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("| `monitoring.otelCollector.scrapeInterval` | string | `30s` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `toolManager.clusterAccess` | none \\| persistentVolumes \\| admin | `none` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `monitoring.dashboards.labels` | map of strings | `{grafana_dashboard: \"1\"}` |", markdown, StringComparison.Ordinal);
    }
}
