using System.Net;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Model.Preview;

/// <summary>One branch of the object tree: a kind and its objects, in render order.</summary>
public sealed record KindGroup(string Kind, IReadOnlyList<ObjectKey> Objects)
{
    public int Count => Objects.Count;

    /// <summary>
    /// The branch's heading (the kind, and its count as a small chip) as HTML in MudText's and MudChip's classes: one
    /// markup frame instead of a dozen per branch in every circuit's render tree, built once per preview and shared by
    /// the circuits that show it. Every text in it is HTML-encoded.
    /// </summary>
    public string HeaderHtml { get; } = Header(Kind, Objects.Count);

    /// <summary>Accessible names of the objects ("Deployment tool-manager"), in order, shared like the tree.</summary>
    public IReadOnlyList<string> Labels { get; } = [.. Objects.Select(key => $"{key.Kind} {key.Name}")];

    /// <summary>The tree of a manifest set: kinds in order of first appearance (that is, apply order).</summary>
    public static IReadOnlyList<KindGroup> From(ManifestSet manifests) =>
        [.. manifests.GroupBy(m => m.Kind, StringComparer.Ordinal).Select(g => new KindGroup(g.Key, [.. g.Select(m => m.Key)]))];

    private static string Header(string kind, int count)
    {
        var text = WebUtility.HtmlEncode(kind);
        return "<div class=\"d-flex align-center\">"
            + $"<p class=\"mud-typography mud-typography-subtitle2 flex-grow-1\">{text}</p>"
            + "<div class=\"mud-chip-container\"><div class=\"mud-chip mud-chip-text mud-chip-size-small mud-chip-color-default\" tabindex=\"-1\" "
            + $"aria-label=\"{count} {text}\"><span class=\"mud-chip-content\">{count}</span></div></div></div>";
    }
}
