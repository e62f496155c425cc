using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Model.Preview;

/// <summary>One branch of the object tree: a kind and its objects, in render order.</summary>
public sealed record KindGroup(string Kind, IReadOnlyList<ObjectKey> Objects)
{
    public int Count => Objects.Count;

    /// <summary>The tree of a manifest set: kinds in order of first appearance (that is, apply order).</summary>
    public static IReadOnlyList<KindGroup> From(ManifestSet manifests) =>
        [.. manifests.GroupBy(m => m.Kind, StringComparer.Ordinal).Select(g => new KindGroup(g.Key, [.. g.Select(m => m.Key)]))];
}
