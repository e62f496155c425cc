using RunnerConsole.Core.Catalog;

namespace RunnerConsole.Core.Values;

/// <summary>
/// The image each container actually runs: the values' repository and tag, an empty tag filled from the catalog
/// version (so upgrades move tags), and <c>images.registry</c> swapped in for the registry host (air-gapped mirrors).
/// </summary>
public static class ImageResolver
{
    /// <summary>Every effective image of <paramref name="values"/> for the catalog version it selects; null when the version is unknown.</summary>
    public static RunnerImages? Resolve(RunnerValues values, RunnerCatalog catalog)
    {
        if (catalog.Resolve(values.Version) is not { } version)
        {
            return null;
        }

        var pinned = version.Images;
        var registry = values.Images.Registry;
        return new RunnerImages(
            Operator: Resolve(values.Operator.Image, pinned.Operator, registry),
            AgentManager: Resolve(values.AgentManager.Image, pinned.AgentManager, registry),
            ToolManager: Resolve(values.ToolManager.Image, pinned.ToolManager, registry),
            SdkServer: Resolve(values.ToolManager.SdkServer.Image, pinned.SdkServer, registry),
            Dagger: Resolve(values.Dagger.Image, pinned.Dagger, registry),
            ImageUpdater: Resolve(values.ImageUpdater.Image, pinned.ImageUpdater, registry),
            KubeStateMetrics: Resolve(values.Monitoring.KubeStateMetrics.Image, pinned.KubeStateMetrics, registry),
            BlackboxExporter: Resolve(values.Monitoring.BlackboxExporter.Image, pinned.BlackboxExporter, registry),
            OtelCollector: Resolve(values.Monitoring.OtelCollector.Image, pinned.OtelCollector, registry),
            Healthchecks: Resolve(values.Monitoring.Healthchecks.Image, pinned.Healthchecks, registry),
            HealthchecksKubectl: Resolve(values.Monitoring.Healthchecks.KubectlImage, pinned.HealthchecksKubectl, registry));
    }

    /// <summary>One effective image: configured repository/tag/digest over the pinned one, then the registry override.</summary>
    public static ImageRef Resolve(ImageValues configured, ImageRef pinned, string registryOverride)
    {
        var repository = configured.Repository.Length > 0 ? configured.Repository : pinned.Repository;
        var tag = configured.Tag.Length > 0 ? configured.Tag : pinned.Tag;

        // A pinned digest belongs to the pinned tag; a tag chosen in the values must not be overridden by it.
        var digest = configured.Digest.Length > 0 ? configured.Digest : configured.Tag.Length == 0 ? pinned.Digest : "";
        return new ImageRef(WithRegistry(repository, registryOverride), tag, digest);
    }

    /// <summary>Replaces the registry host of <paramref name="repository"/> (Docker Hub when it names none) by <paramref name="registry"/>.</summary>
    public static string WithRegistry(string repository, string registry)
    {
        if (registry.Length == 0)
        {
            return repository;
        }

        var slash = repository.IndexOf('/');
        var first = slash < 0 ? "" : repository[..slash];
        // As in Docker: the first component is a registry host only if it has a '.', a ':' or is localhost.
        var hasHost = first.Contains('.') || first.Contains(':') || first == "localhost";
        var path = hasHost ? repository[(slash + 1)..] : repository;
        return $"{registry.TrimEnd('/')}/{path}";
    }
}
