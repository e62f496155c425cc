using System.Text.Json.Nodes;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Operations;

/// <summary>What to install or upgrade to: the rendered objects and the chart/values they came from (stored in the revision).</summary>
public sealed record ReleaseRequest(string Release, string Namespace, ManifestSet Desired, ChartMetadata Chart)
{
    /// <summary>The user's values (Helm's <c>config</c>).</summary>
    public JsonObject? Config { get; init; }

    /// <summary>The chart's default values.</summary>
    public JsonObject? ChartValues { get; init; }

    public IReadOnlyList<ChartFile> Templates { get; init; } = [];

    public string? Notes { get; init; }

    /// <summary>Create the namespace when it does not exist (it is not part of the release).</summary>
    public bool CreateNamespace { get; init; }
}
