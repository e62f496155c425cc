namespace RunnerConsole.Core.Policy;

/// <summary>Options of <see cref="PolicyEngine.Evaluate"/>.</summary>
public sealed record PolicyOptions
{
    public static PolicyOptions Default { get; } = new();

    /// <summary>
    /// When non-empty, every image must come from one of these registries (rule <c>IM004</c>), e.g. <c>ghcr.io</c> or
    /// <c>ghcr.io/kubiya-ai</c> (a registry host, optionally followed by a repository prefix). Images without a registry
    /// host are <c>docker.io</c> images.
    /// </summary>
    public IReadOnlyList<string> AllowedRegistries { get; init; } = [];
}
