using System.Text;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Releases;

/// <summary>One document of a release manifest: the template path it came from and its YAML.</summary>
public sealed record ManifestDocument(string Source, string Yaml);

/// <summary>The <c>manifest</c> string of a Helm release: documents as <c>---\n# Source: path\nyaml\n</c>.</summary>
public static partial class HelmManifest
{
    private const string SourcePrefix = "# Source: ";

    /// <summary>Joins objects in install order, exactly as Helm writes a release manifest.</summary>
    public static string Join(IEnumerable<Manifest> manifests)
    {
        var builder = new StringBuilder();
        foreach (var manifest in manifests)
        {
            builder.Append("---\n").Append(SourcePrefix).Append(manifest.Source).Append('\n')
                .Append(manifest.ToYaml().TrimEnd('\n')).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Splits a release manifest into documents, keeping order; empty documents are skipped.</summary>
    public static IReadOnlyList<ManifestDocument> Split(string? manifest)
    {
        if (string.IsNullOrWhiteSpace(manifest))
        {
            return [];
        }

        var documents = new List<ManifestDocument>();
        foreach (var raw in SeparatorRegex().Split(manifest))
        {
            var text = raw.Trim('\n', '\r', ' ');
            if (text.Length == 0)
            {
                continue;
            }

            var source = string.Empty;
            var lines = text.Split('\n').ToList();
            var sourceLine = lines.FindIndex(l => l.StartsWith(SourcePrefix, StringComparison.Ordinal));
            if (sourceLine >= 0)
            {
                source = lines[sourceLine][SourcePrefix.Length..].Trim();
                lines.RemoveAt(sourceLine);
            }

            // The separator takes the last line's break with it; put it back, or a block scalar that ends the
            // document (a ConfigMap's data) would lose its final newline and a rollback would change it.
            var yaml = string.Join('\n', lines).Trim('\n') + "\n";
            if (lines.All(l => string.IsNullOrWhiteSpace(l) || l.TrimStart().StartsWith('#')))
            {
                continue;
            }

            documents.Add(new ManifestDocument(source, yaml));
        }

        return documents;
    }

    /// <summary>Parses a release manifest back into objects (with their <c># Source:</c> paths), in stored order.</summary>
    public static ManifestSet Parse(string? manifest)
    {
        var items = new List<Manifest>();
        foreach (var document in Split(manifest))
        {
            foreach (var obj in KubernetesYaml.LoadAllFromString(document.Yaml))
            {
                if (obj is IKubernetesObject<V1ObjectMeta> typed)
                {
                    items.Add(new Manifest(document.Source, typed));
                }
            }
        }

        return new ManifestSet(items);
    }

    // Helm's releaseutil.SplitManifests separator: a line that starts with ---.
    [GeneratedRegex(@"(?:^|\n)---[^\n]*(?=\n|$)")]
    private static partial Regex SeparatorRegex();
}
