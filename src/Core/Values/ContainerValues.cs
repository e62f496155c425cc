using System.Collections.ObjectModel;
using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary>What every container has: <c>image</c> and <c>resources</c>.</summary>
public abstract record ContainerValues
{
    [Description("Container image; an empty tag takes the tag the catalog pins for the runner version.")]
    public ImageValues Image { get; init; } = new();

    [Description("Container resource requests and limits.")]
    public ResourcesValues Resources { get; init; } = new();
}

/// <summary>What every pod-running component has on top of its container: scheduling and identity.</summary>
public abstract record PodValues : ContainerValues
{
    [Description("Service account of the pods.")]
    public ServiceAccountValues ServiceAccount { get; init; } = new();

    [Description("Node labels the pods must be scheduled on.")]
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = EmptyMap;

    [Description("Tolerations of the pods (`key`, `operator`, `value`, `effect`, `tolerationSeconds`).")]
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    [Description("Annotations added to the pods.")]
    public IReadOnlyDictionary<string, string> PodAnnotations { get; init; } = EmptyMap;

    // Read-only for real (not a castable Dictionary): it is shared by every instance.
    internal static readonly IReadOnlyDictionary<string, string> EmptyMap = ReadOnlyDictionary<string, string>.Empty;
}
