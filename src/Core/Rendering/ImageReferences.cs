namespace RunnerConsole.Core.Rendering;

/// <summary>Registry rewriting of image repositories (air-gapped mirrors).</summary>
public static class ImageReferences
{
    /// <summary>
    /// <paramref name="repository"/> with its registry host replaced by <paramref name="registry"/>; a repository without
    /// a host (Docker Hub's <c>otel/…</c>) gets the mirror in front. An empty <paramref name="registry"/> changes nothing.
    /// </summary>
    public static string WithRegistry(string repository, string registry)
    {
        if (registry.Length == 0)
        {
            return repository;
        }

        var mirror = registry.TrimEnd('/');
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && HasHost(repository[..slash]))
        {
            return $"{mirror}/{repository[(slash + 1)..]}";
        }

        return $"{mirror}/{repository}";
    }

    /// <summary>The registry host of a repository (<c>docker.io</c> when it names none).</summary>
    public static string RegistryOf(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && HasHost(repository[..slash]) ? repository[..slash] : "docker.io";
    }

    // Docker's rule: the first path component is a host when it has a dot or a port, or is localhost.
    private static bool HasHost(string first) =>
        first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
}
