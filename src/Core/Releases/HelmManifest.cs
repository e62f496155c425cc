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
    public static string Join(IEnumerable<Manifest> manifests) => JoinDocuments(Documents(manifests));

    /// <summary>Each object as the document <see cref="Join"/> writes for it (YAML as <see cref="Split"/> returns it).</summary>
    public static IReadOnlyList<ManifestDocument> Documents(IEnumerable<Manifest> manifests) =>
        [.. manifests.Select(m => new ManifestDocument(m.Source, m.ToYaml().TrimEnd('\n') + "\n"))];

    /// <summary>Joins documents made by <see cref="Documents"/>.</summary>
    public static string JoinDocuments(IEnumerable<ManifestDocument> documents)
    {
        var builder = new StringBuilder();
        foreach (var document in documents)
        {
            builder.Append("---\n").Append(SourcePrefix).Append(document.Source).Append('\n').Append(document.Yaml);
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
    public static ManifestSet Parse(string? manifest) => Parse(Split(manifest));

    /// <summary>Parses documents (from <see cref="Split"/>) into objects, in order.</summary>
    public static ManifestSet Parse(IEnumerable<ManifestDocument> documents)
    {
        var items = new List<Manifest>();
        foreach (var document in documents)
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

    /// <summary>
    /// The identity (API version, kind, namespace, name) of each object in <paramref name="documents"/>, as objects that
    /// carry only that: enough to know what a revision applied, without mapping every field to a model type.
    /// </summary>
    public static ManifestSet ParseIdentities(IEnumerable<ManifestDocument> documents)
    {
        var items = new List<Manifest>();
        foreach (var document in documents)
        {
            var stream = new YamlDotNet.RepresentationModel.YamlStream();
            stream.Load(new StringReader(document.Yaml));
            foreach (var root in stream.Documents.Select(d => d.RootNode).OfType<YamlDotNet.RepresentationModel.YamlMappingNode>())
            {
                var metadata = Child(root, "metadata") as YamlDotNet.RepresentationModel.YamlMappingNode;
                var kind = Scalar(root, "kind");
                var name = metadata is null ? null : Scalar(metadata, "name");
                if (kind is null || name is null)
                {
                    continue;
                }

                items.Add(new Manifest(document.Source, new StoredObjectIdentity
                {
                    ApiVersion = Scalar(root, "apiVersion") ?? "v1",
                    Kind = kind,
                    Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Scalar(metadata!, "namespace") },
                }));
            }
        }

        return new ManifestSet(items);
    }

    private static YamlDotNet.RepresentationModel.YamlNode? Child(YamlDotNet.RepresentationModel.YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlDotNet.RepresentationModel.YamlMappingNode node, string key) =>
        Child(node, key) is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    // Helm's releaseutil.SplitManifests separator: a line that starts with ---.
    [GeneratedRegex(@"(?:^|\n)---[^\n]*(?=\n|$)")]
    private static partial Regex SeparatorRegex();
}
