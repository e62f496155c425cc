using System.Text;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using RunnerConsole.Core.Rendering;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RunnerConsole.Core.Policy;

/// <summary>A document of a manifest stream that could not be read as a Kubernetes object.</summary>
/// <param name="Document">1-based index among the non-empty documents of the stream.</param>
/// <param name="Line">1-based line in the stream where the problem is (the document's first line when unknown).</param>
/// <param name="Message">What is wrong; never contains values from the document.</param>
/// <param name="IsUnknownKind">The document is well-formed but its kind is not a built-in Kubernetes kind (e.g. a custom resource).</param>
public sealed record ManifestProblem(int Document, int Line, string Message, bool IsUnknownKind = false)
{
    public override string ToString() => $"document {Document} (line {Line}): {Message}";
}

/// <summary>Where a manifest came from in its stream.</summary>
/// <param name="Document">1-based index among the non-empty documents.</param>
/// <param name="Line">1-based line of the document's first content line.</param>
public sealed record ManifestLocation(int Document, int Line);

/// <summary>
/// Result of <see cref="ManifestReader.Read"/>: the objects that could be read, their locations (parallel to
/// <see cref="Manifests"/>; may be empty for a set that was not read from text), and every problem.
/// </summary>
public sealed record ManifestReadResult(ManifestSet Manifests, IReadOnlyList<ManifestLocation> Locations, IReadOnlyList<ManifestProblem> Problems)
{
    public bool HasProblems => Problems.Count > 0;

    /// <summary>Location of the object a finding is about (matched by apiVersion, kind, namespace and name).</summary>
    public ManifestLocation? LocationOf(PolicyObjectRef obj)
    {
        for (var i = 0; i < Math.Min(Manifests.Count, Locations.Count); i++)
        {
            var m = Manifests[i];
            if (m.Kind == obj.Kind && m.Name == obj.Name && m.Namespace == obj.Namespace && m.ApiVersion == obj.ApiVersion)
            {
                return Locations[i];
            }
        }

        return null;
    }

    /// <summary>Location of <paramref name="manifest"/> in the stream, when it was read from one.</summary>
    public ManifestLocation? LocationOf(Manifest manifest)
    {
        for (var i = 0; i < Math.Min(Manifests.Count, Locations.Count); i++)
        {
            if (ReferenceEquals(Manifests[i].Object, manifest.Object))
            {
                return Locations[i];
            }
        }

        return null;
    }
}

/// <summary>
/// Reads an arbitrary multi-document YAML stream (our rendered runner, an old single-file template, another chart's
/// <c>helm template</c> output) into a <see cref="ManifestSet"/> without throwing: malformed documents, documents that are
/// not Kubernetes objects, unknown kinds and duplicate objects are returned as <see cref="ManifestProblem"/>s with the
/// document index and line. Each document is read on its own, so one bad document does not hide problems in the others.
/// A <c># Source: path</c> comment (as written by Helm) becomes the manifest's <see cref="Manifest.Source"/>.
/// </summary>
public static partial class ManifestReader
{
    /// <summary>Reads a file; an unreadable file is a single problem (document 0, line 0).</summary>
    public static ManifestReadResult ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ManifestReadResult(ManifestSet.Empty, [], [new ManifestProblem(0, 0, $"cannot read file '{path}': {e.Message}")]);
        }

        return Read(text, path);
    }

    public static ManifestReadResult Read(string yaml, string source)
    {
        var manifests = new List<Manifest>();
        var locations = new List<ManifestLocation>();
        var problems = new List<ManifestProblem>();
        var seen = new Dictionary<(string, string, string?, string), int>();
        var index = 0;
        foreach (var chunk in Split(yaml))
        {
            index++;
            var manifest = ReadDocument(chunk, index, source, problems);
            if (manifest is null)
            {
                continue;
            }

            var group = manifest.ApiVersion.Contains('/') ? manifest.ApiVersion[..manifest.ApiVersion.IndexOf('/')] : string.Empty;
            var key = (group, manifest.Kind, manifest.Namespace, manifest.Name);
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new ManifestProblem(index, chunk.ContentLine,
                    $"{manifest.Kind} '{manifest.Name}'{(manifest.Namespace is null ? string.Empty : $" in namespace '{manifest.Namespace}'")} is defined again (first in document {first}); applying would keep only one of them."));
                continue;
            }

            seen[key] = index;
            manifests.Add(manifest);
            locations.Add(new ManifestLocation(index, chunk.ContentLine));
        }

        return new ManifestReadResult(new ManifestSet(manifests), locations, problems);
    }

    private sealed record Chunk(string Text, int StartLine, int ContentLine, string? HelmSource);

    /// <summary>Splits on <c>---</c> / <c>...</c> marker lines; drops documents that are only blank lines and comments.</summary>
    private static IEnumerable<Chunk> Split(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new StringBuilder();
        var startLine = 1;
        int? contentLine = null;
        string? helmSource = null;

        IEnumerable<Chunk> Flush()
        {
            if (contentLine is not null)
            {
                yield return new Chunk(current.ToString(), startLine, contentLine.Value, helmSource);
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var isStart = line == "---" || line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("---\t", StringComparison.Ordinal);
            var isEnd = line == "..." || line.StartsWith("... ", StringComparison.Ordinal);
            if (isStart || isEnd)
            {
                foreach (var c in Flush())
                {
                    yield return c;
                }

                current.Clear();
                contentLine = null;
                helmSource = null;
                var rest = isStart ? line[3..].Trim() : string.Empty;
                if (rest.Length > 0 && !rest.StartsWith('#'))
                {
                    // "--- {inline: document}": keep the content on the document's first line.
                    startLine = i + 1;
                    current.Append(rest).Append('\n');
                    contentLine = i + 1;
                }
                else
                {
                    startLine = i + 2;
                }

                continue;
            }

            var trimmed = line.TrimStart();
            if (contentLine is null && trimmed.Length > 0 && !trimmed.StartsWith('#') && !trimmed.StartsWith('%'))
            {
                contentLine = i + 1;
            }

            if (helmSource is null && HelmSourceComment().Match(line) is { Success: true } m)
            {
                helmSource = m.Groups[1].Value.Trim();
            }

            current.Append(line).Append('\n');
        }

        foreach (var c in Flush())
        {
            yield return c;
        }
    }

    private static Manifest? ReadDocument(Chunk chunk, int index, string source, List<ManifestProblem> problems)
    {
        void Problem(int line, string message, bool unknownKind = false) => problems.Add(new ManifestProblem(index, line, message, unknownKind));
        var lastLine = chunk.StartLine + chunk.Text.TrimEnd('\n').Count(c => c == '\n');
        int LineOf(Mark mark) => Math.Min(chunk.StartLine + (int)mark.Line - 1, lastLine); // errors found at end of input point past the document

        // 1. Well-formed YAML, one mapping with apiVersion, kind and metadata.name.
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(chunk.Text));
            if (stream.Documents.Count != 1)
            {
                Problem(chunk.ContentLine, "contains more than one YAML document without a '---' line between them.");
                return null;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                Problem(chunk.ContentLine, $"is a YAML {Describe(stream.Documents[0].RootNode)}, not a Kubernetes object (a mapping with apiVersion, kind and metadata).");
                return null;
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            Problem(LineOf(e.Start), $"is not valid YAML: {Sanitize(e.Message)} (line {LineOf(e.Start)}, column {e.Start.Column}).");
            return null;
        }

        var apiVersion = Scalar(root, "apiVersion");
        var kind = Scalar(root, "kind");
        if (string.IsNullOrWhiteSpace(apiVersion) || string.IsNullOrWhiteSpace(kind))
        {
            var missing = string.Join(" and ", new[] { ("apiVersion", apiVersion), ("kind", kind) }.Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => x.Item1));
            Problem(chunk.ContentLine, $"has no {missing}; it is not a Kubernetes object.");
            return null;
        }

        var metadata = root.Children.TryGetValue(new YamlScalarNode("metadata"), out var md) ? md as YamlMappingNode : null;
        var name = metadata is null ? null : Scalar(metadata, "name");
        var kindLine = root.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "kind") is { } kindKey ? LineOf(kindKey.Start) : chunk.ContentLine;
        if (string.IsNullOrWhiteSpace(name))
        {
            Problem(metadata is null ? kindLine : LineOf(metadata.Start),
                metadata is not null && Scalar(metadata, "generateName") is not null
                    ? $"{kind} uses metadata.generateName; the policy report needs a fixed metadata.name to identify the object."
                    : $"{kind} has no metadata.name.");
            return null;
        }

        if (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal))
        {
            Problem(kindLine, $"is a {kind}; write each item as its own document separated by '---'.");
            return null;
        }

        // 2. A built-in kind that KubernetesClient can read into its typed model.
        try
        {
            var objects = KubernetesYaml.LoadAllFromString(chunk.Text);
            if (objects.Count == 1 && objects[0] is IKubernetesObject<V1ObjectMeta> typed)
            {
                return new Manifest(chunk.HelmSource ?? source, typed);
            }

            Problem(kindLine, $"{kind} '{name}' ({apiVersion}) could not be read as a Kubernetes object.");
        }
        catch (KeyNotFoundException)
        {
            Problem(kindLine,
                $"{kind} '{name}' ({apiVersion}) is not a built-in Kubernetes kind (a custom resource?); the policy report cannot check it.",
                unknownKind: true);
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is null ? Sanitize(e.Message) : Sanitize(e.InnerException.Message);
            if (inner.Contains("fraction", StringComparison.Ordinal))
            {
                inner = "the value is not a Kubernetes quantity (e.g. 500m, 2, 256Mi, 1Gi).";
            }

            Problem(LineOf(e.Start), $"{kind} '{name}': the value at line {LineOf(e.Start)}, column {e.Start.Column} does not fit the {kind} schema: {inner}");
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException or ArgumentException or OverflowException)
        {
            Problem(kindLine, $"{kind} '{name}' could not be read: {Sanitize(e.Message)}");
        }

        return null;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlScalarNode => "scalar value",
        _ => "node",
    };

    /// <summary>Removes quoted fragments (which may be values from the document, e.g. secret data) from parser messages.</summary>
    internal static string Sanitize(string message) =>
        QuotedFragment().Replace(message, m =>
        {
            if (ModelName().Match(m.Value) is { Success: true } model)
            {
                return m.Value.Contains("IList", StringComparison.Ordinal) ? $"list of {model.Groups[1].Value}" : model.Groups[1].Value;
            }

            if (SystemType().Match(m.Value) is { Success: true } system)
            {
                return system.Groups[1].Value;
            }

            // Parser messages quote punctuation ("expected ',' or ']'"); anything longer may be document content.
            return m.Value.Length <= 3 ? m.Value : "(value hidden)";
        });

    [GeneratedRegex(@"^#\s*Source:\s*(.+)$")]
    private static partial Regex HelmSourceComment();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex QuotedFragment();

    [GeneratedRegex(@"k8s\.Models\.(\w+)")]
    private static partial Regex ModelName();

    [GeneratedRegex(@"^'System\.(\w+)'$")]
    private static partial Regex SystemType();
}
