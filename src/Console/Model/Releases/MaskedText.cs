using System.Text;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Releases;

/// <summary>Stored manifests and values as the UI may show them: Secret data and secret values never in clear.</summary>
public static class MaskedText
{
    /// <summary>A revision's manifest with every Secret's data replaced by placeholders (key, byte length).</summary>
    public static string Manifest(string? manifest)
    {
        var text = new StringBuilder();
        foreach (var item in HelmManifest.Parse(manifest))
        {
            var json = KubeObjects.ToJson(item.Object);
            text.Append("---\n# Source: ").Append(item.Source).Append('\n').Append(YamlText.From(SecretMasking.Mask(json) ?? json));
        }

        return text.ToString();
    }

    /// <summary>A revision's values as a values file with secret values redacted; null when they cannot be read back.</summary>
    public static string? Values(ReleaseRecord record) =>
        ValuesOf(record) is { } values ? ValuesWriter.ToYaml(values, redactSecrets: true) : null;

    /// <summary>The values a revision was made from (with secrets: for re-rendering only, never for display).</summary>
    public static RunnerValues? ValuesOf(ReleaseRecord record)
    {
        if (record.Config is null || record.Config.Count == 0)
        {
            return null;
        }

        var loaded = ValuesLoader.Load(record.Config.ToJsonString(), validate: false);
        return loaded.Values;
    }
}
