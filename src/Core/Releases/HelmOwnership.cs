using k8s.Models;

namespace RunnerConsole.Core.Releases;

/// <summary>Whether a live object belongs to a release, by Helm's ownership metadata.</summary>
public enum OwnershipState
{
    /// <summary>Carries this release's label and annotations.</summary>
    Owned,

    /// <summary>Exists without Helm ownership metadata: taking it over needs an explicit adopt.</summary>
    Unowned,

    /// <summary>Owned by another Helm release (or the same name in another namespace).</summary>
    OtherRelease,
}

/// <summary>Helm's ownership metadata: label <c>app.kubernetes.io/managed-by=Helm</c> plus release name/namespace annotations.</summary>
public static class HelmOwnership
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "Helm";
    public const string ReleaseNameAnnotation = "meta.helm.sh/release-name";
    public const string ReleaseNamespaceAnnotation = "meta.helm.sh/release-namespace";
    public const string ResourcePolicyAnnotation = "helm.sh/resource-policy";

    /// <summary>Adds the ownership label and annotations to <paramref name="metadata"/> (mutates it).</summary>
    public static void Stamp(V1ObjectMeta metadata, string release, string releaseNamespace)
    {
        metadata.Labels ??= new Dictionary<string, string>();
        metadata.Labels[ManagedByLabel] = ManagedByValue;
        metadata.Annotations ??= new Dictionary<string, string>();
        metadata.Annotations[ReleaseNameAnnotation] = release;
        metadata.Annotations[ReleaseNamespaceAnnotation] = releaseNamespace;
    }

    public static OwnershipState Check(IDictionary<string, string>? labels, IDictionary<string, string>? annotations, string release, string releaseNamespace)
    {
        var managed = labels is not null && labels.TryGetValue(ManagedByLabel, out var by) && by == ManagedByValue;
        string? name = null;
        string? ns = null;
        _ = annotations?.TryGetValue(ReleaseNameAnnotation, out name);
        _ = annotations?.TryGetValue(ReleaseNamespaceAnnotation, out ns);
        if (name is null && ns is null)
        {
            return OwnershipState.Unowned;
        }

        if (name == release && ns == releaseNamespace)
        {
            return managed ? OwnershipState.Owned : OwnershipState.Unowned;
        }

        return OwnershipState.OtherRelease;
    }

    /// <summary><c>helm.sh/resource-policy: keep</c>: never delete the object on upgrade or uninstall.</summary>
    public static bool IsKept(IDictionary<string, string>? annotations) =>
        annotations is not null && annotations.TryGetValue(ResourcePolicyAnnotation, out var policy) && policy == "keep";
}
