namespace RunnerConsole.Core.Values;

/// <summary>What every container has: <c>image</c> and <c>resources</c>.</summary>
public abstract record ContainerValues
{
    public ImageValues Image { get; init; } = new();

    public ResourcesValues Resources { get; init; } = new();
}

/// <summary>What every pod-running component has on top of its container: scheduling and identity.</summary>
public abstract record PodValues : ContainerValues
{
    public ServiceAccountValues ServiceAccount { get; init; } = new();

    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = EmptyMap;

    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    public IReadOnlyDictionary<string, string> PodAnnotations { get; init; } = EmptyMap;

    internal static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
