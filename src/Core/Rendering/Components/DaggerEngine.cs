using k8s.Models;
using RunnerConsole.Core.Policy;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>
/// The dagger engine (Kubiya's registry build): privileged by necessity, the one accepted exception to the restricted
/// profile, annotated so the policy report shows it; a headless Service lets tool-manager find every engine.
/// </summary>
internal static class DaggerEngine
{
    private const string Name = RunnerComponents.Dagger;
    private const string Role = "engine";

    /// <summary>
    /// The restricted-profile rules the engine's container breaks, and why: non-root (PS001), UID 0 (PS002), privilege
    /// escalation (PS003), drop ALL (PS004), added capabilities (PS005), privileged (PS007), read-only root (PS011).
    /// </summary>
    public const string PolicyExceptionValue =
        "PS001, PS002, PS003, PS004, PS005, PS007, PS011; the dagger engine runs BuildKit, which starts build containers itself and needs a privileged root container";

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        if (!s.DaggerEnabled)
        {
            yield break;
        }

        var values = s.Values.Dagger;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: false);
        yield return Workloads.Service(s, RunnerComponents.DaggerService, Name, Role, [Workloads.ServicePort("engine", 8080, "engine", "tcp")], headless: true);

        var container = Container(s, Name, s.Image(values.Image, s.Version.Images.Dagger), values.Resources);
        container.SecurityContext = SecurityContexts.PrivilegedContainer();
        container.Ports = [Port("engine", 8080)];
        container.VolumeMounts =
        [
            Mount("engine-state", "/var/lib/dagger", readOnly: false),
            Mount("engine-run", "/run/buildkit", readOnly: false),
            Mount("registry-tls", "/etc/kubiya/registry-tls"),
        ];
        container.ReadinessProbe = TcpProbe("engine");
        container.LivenessProbe = TcpProbe("engine", 30);

        var tls = new V1Volume
        {
            Name = "registry-tls",
            Secret = new V1SecretVolumeSource
            {
                SecretName = RegistryTls.SecretName(s),
                Items = [new V1KeyToPath { Key = "tls.crt", Path = "tls.crt" }, new V1KeyToPath { Key = "tls.key", Path = "tls.key" }],
                DefaultMode = 0b100_000_000, // 0400: read by the engine (root) only.
            },
        };
        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = false,
            SecurityContext = SecurityContexts.PrivilegedPod(),
            Containers = [container],
            Volumes = [EmptyDir("engine-state", sizeLimit: null), EmptyDir("engine-run", "16Mi"), tls],
            TerminationGracePeriodSeconds = 300,
        };
        var exception = new Dictionary<string, string> { [PolicyAnnotations.PolicyException] = PolicyExceptionValue };
        yield return Workloads.Deployment(s, Name, Role, values.Replicas, Pod(s, Name, Role, values, pod, exception), exception);
    }
}
