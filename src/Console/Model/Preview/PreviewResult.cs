using RunnerConsole.Core.Policy;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Model.Preview;

/// <summary>One rendering of the preview: the objects, their tree, the policy report — or why there is none.</summary>
public sealed record PreviewResult(ManifestSet Manifests, IReadOnlyList<KindGroup> Tree, PolicyReport? Report, string? Problem)
{
    /// <summary>Before the first render finished.</summary>
    public static PreviewResult Pending { get; } = new(ManifestSet.Empty, [], null, null);

    public bool HasObjects => Manifests.Count > 0;

    public Manifest? Find(ObjectKey key) => Manifests.FirstOrDefault(m => m.Key == key);

    /// <summary>Count of objects of <paramref name="kind"/> (0 when none).</summary>
    public int CountOf(string kind) => Tree.FirstOrDefault(g => g.Kind == kind)?.Count ?? 0;
}
