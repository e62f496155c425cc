using k8s.Models;

namespace RunnerConsole.Core.Rendering;

/// <summary>Security contexts of the restricted Pod Security profile, and the one privileged exception (dagger).</summary>
internal static class SecurityContexts
{
    /// <summary>An unprivileged UID/GID that no image maps to root; set explicitly so <c>runAsNonRoot</c> holds for images built as root.</summary>
    public const long NonRootId = 65532;

    public static V1PodSecurityContext RestrictedPod() => new()
    {
        RunAsNonRoot = true,
        RunAsUser = NonRootId,
        RunAsGroup = NonRootId,
        FsGroup = NonRootId,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    /// <summary>The restricted container context; <paramref name="readOnlyRootFilesystem"/> false only where the process writes outside its volumes.</summary>
    public static V1SecurityContext RestrictedContainer(bool readOnlyRootFilesystem = true) => new()
    {
        RunAsNonRoot = true,
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = readOnlyRootFilesystem,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    /// <summary>Pod context of the dagger engine: only the seccomp default, since its container must run as root.</summary>
    public static V1PodSecurityContext PrivilegedPod() => new()
    {
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    /// <summary>
    /// The dagger engine runs containers itself (buildkit): privileged, root, all capabilities. This is the accepted
    /// exception to the restricted profile and is annotated as such so the policy report shows it.
    /// </summary>
    public static V1SecurityContext PrivilegedContainer() => new()
    {
        Privileged = true,
        RunAsUser = 0,
        RunAsNonRoot = false,
        AllowPrivilegeEscalation = true,
        ReadOnlyRootFilesystem = false,
        Capabilities = new V1Capabilities { Add = ["ALL"] },
    };
}
