using RunnerConsole.Core.Policy;

namespace RunnerConsole.Core.Rendering;

/// <summary>Annotation and label keys the renderer writes and other parts read.</summary>
public static class RenderAnnotations
{
    /// <summary>On Secrets whose content is created for this install only (a fresh key pair), not typed in by the operator.</summary>
    public const string Generated = PolicyAnnotations.Generated;

    /// <summary>Value of <see cref="Generated"/>.</summary>
    public const string GeneratedPerInstall = PolicyAnnotations.GeneratedPerInstall;

    /// <summary>The accepted-exception annotation (<c>"&lt;rule ids&gt;; &lt;reason&gt;"</c>) of the policy engine.</summary>
    public const string PolicyException = PolicyAnnotations.PolicyException;

    /// <summary>Pod template annotation holding the SHA-256 of the component's configuration: a config change rolls the pods.</summary>
    public const string ConfigChecksum = "checksum/config";

    public const string HelmReleaseName = "meta.helm.sh/release-name";
    public const string HelmReleaseNamespace = "meta.helm.sh/release-namespace";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
}
