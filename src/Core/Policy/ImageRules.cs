using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Policy;

/// <summary>Image hygiene: pinned tags or digests, explicit pull policy, optional registry allow-list.</summary>
public static class ImageRules
{
    private const string Family = "Images";

    public static readonly PolicyRule UnpinnedTag = new("IM001", Family, PolicySeverity.Error, "Images must have a tag other than latest, or a digest");
    public static readonly PolicyRule PullAlwaysPinned = new("IM002", Family, PolicySeverity.Warning, "imagePullPolicy Always is unnecessary for a pinned image");
    public static readonly PolicyRule PullPolicyMissing = new("IM003", Family, PolicySeverity.Warning, "imagePullPolicy should be set explicitly");
    public static readonly PolicyRule RegistryNotAllowed = new("IM004", Family, PolicySeverity.Error, "Images must come from an allowed registry (when configured)");

    public static IReadOnlyList<PolicyRule> All { get; } = [UnpinnedTag, PullAlwaysPinned, PullPolicyMissing, RegistryNotAllowed];

    internal static void Evaluate(PolicyContext ctx)
    {
        foreach (var pod in PodTemplate.In(ctx.Set))
        {
            foreach (var c in pod.AllContainers)
            {
                Check(ctx, pod.Owner, c);
            }
        }
    }

    private static void Check(PolicyContext ctx, Manifest m, ContainerRef c)
    {
        var image = c.Container.Image ?? string.Empty;
        var who = c.Describe();
        var reference = ImageReference.Parse(image);
        if (image.Length == 0)
        {
            ctx.Report(UnpinnedTag, m, c.Field("image"), $"{Wording.Cap(who)} has no image.", "Set image to a registry/repository:tag or @sha256 digest.");
            return;
        }

        if (!reference.IsPinned)
        {
            ctx.Report(UnpinnedTag, m, c.Field("image"),
                reference.Tag is null
                    ? $"Image '{image}' of {who} has no tag, so it means ':latest' and changes under you."
                    : $"Image '{image}' of {who} uses the moving tag 'latest'.",
                "Pin a released version tag (e.g. :v1.4.2), or better a digest (@sha256:…).");
        }

        var policy = c.Container.ImagePullPolicy;
        if (policy is null)
        {
            ctx.Report(PullPolicyMissing, m, c.Field("imagePullPolicy"),
                $"{Wording.Cap(who)} does not set imagePullPolicy; Kubernetes then picks one from the tag, which hides the intent.",
                reference.IsPinned ? "Set imagePullPolicy: IfNotPresent." : "Pin the image, then set imagePullPolicy: IfNotPresent.");
        }
        else if (policy == "Always" && reference.IsPinned)
        {
            ctx.Report(PullAlwaysPinned, m, c.Field("imagePullPolicy"),
                $"{Wording.Cap(who)} pulls its pinned image '{image}' on every start (imagePullPolicy: Always), which makes restarts depend on the registry.",
                "Set imagePullPolicy: IfNotPresent.");
        }

        var allowed = ctx.Options.AllowedRegistries;
        if (allowed.Count > 0 && !allowed.Any(reference.IsFrom))
        {
            ctx.Report(RegistryNotAllowed, m, c.Field("image"),
                $"Image '{image}' of {who} comes from '{reference.Registry}', which is not an allowed registry ({string.Join(", ", allowed)}).",
                "Mirror the image into an allowed registry and reference it from there.");
        }
    }
}

/// <summary>A parsed container image reference: <c>[registry/]repository[:tag][@digest]</c>.</summary>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Pinned = a digest, or a tag other than <c>latest</c>.</summary>
    public bool IsPinned => Digest is not null || (Tag is not null && Tag != "latest");

    public static ImageReference Parse(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            image = image[..at];
        }

        string? tag = null;
        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = image[(colon + 1)..];
            image = image[..colon];
        }

        var firstSlash = image.IndexOf('/', StringComparison.Ordinal);
        var first = firstSlash >= 0 ? image[..firstSlash] : null;
        return first is not null && (first.Contains('.') || first.Contains(':') || first == "localhost")
            ? new ImageReference(first, image[(firstSlash + 1)..], tag, digest)
            : new ImageReference("docker.io", image, tag, digest);
    }

    /// <summary>True when <paramref name="allowed"/> is this image's registry, or registry/repository prefix.</summary>
    public bool IsFrom(string allowed)
    {
        allowed = allowed.TrimEnd('/');
        var full = $"{Registry}/{Repository}";
        return string.Equals(allowed, Registry, StringComparison.OrdinalIgnoreCase)
            || full.StartsWith(allowed + "/", StringComparison.OrdinalIgnoreCase)
            || string.Equals(full, allowed, StringComparison.OrdinalIgnoreCase);
    }
}
