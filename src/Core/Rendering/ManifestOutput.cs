using k8s.Models;
using RunnerConsole.Core.Yaml;

namespace RunnerConsole.Core.Rendering;

/// <summary>Ways to hand a rendered set to people and tools: a Helm-style stream, one file per object, secrets masked.</summary>
public static class ManifestOutput
{
    /// <summary>Multi-document YAML as <c>helm template</c> prints it: each document preceded by <c>---</c> and its <c># Source:</c> line.</summary>
    public static string ToHelmStream(ManifestSet set) =>
        KubeYaml.SerializeStream(set.Select(m => ((string?)$"Source: {m.Source}", (object)m.Object)), separatorBeforeFirst: true);

    /// <summary>One file per object, numbered in install order (<c>07-deployment-tool-manager.yaml</c>), each with its source line.</summary>
    public static IReadOnlyList<(string FileName, string Content)> ToFiles(ManifestSet set)
    {
        var width = Math.Max(2, set.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        return [.. set.Select((m, i) => (
            $"{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0')}-{m.Kind.ToLowerInvariant()}-{m.Name}.yaml",
            $"# Source: {m.Source}\n{KubeYaml.Serialize(m.Object)}"))];
    }

    /// <summary>
    /// A copy of <paramref name="set"/> whose Secrets show only key names and sizes (<c>stringData</c>), for review
    /// output: the default everywhere a person reads manifests.
    /// </summary>
    public static ManifestSet MaskSecrets(ManifestSet set) =>
        new([.. set.Select(m => m.Object is V1Secret secret ? m with { Object = Masked(secret) } : m)]);

    private static V1Secret Masked(V1Secret secret)
    {
        var masked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            masked[key] = $"<masked: {value.Length} bytes>";
        }

        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            masked[key] = $"<masked: {System.Text.Encoding.UTF8.GetByteCount(value)} bytes>";
        }

        return new V1Secret
        {
            ApiVersion = secret.ApiVersion,
            Kind = secret.Kind,
            Metadata = secret.Metadata,
            Type = secret.Type,
            Immutable = secret.Immutable,
            StringData = masked,
        };
    }
}
