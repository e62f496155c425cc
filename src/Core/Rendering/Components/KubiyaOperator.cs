using k8s.Models;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>kubiya-operator: receives work from the Kubiya cloud over NATS and manages the runner's deployments.</summary>
internal static class KubiyaOperator
{
    private const string Name = RunnerComponents.Operator;
    private const string Role = "operator";

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        var values = s.Values.Operator;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        var nats = CloudCredentials.Runner(s);

        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: true);
        foreach (var rbac in Rbac.RoleAndBinding(s, Name, Role, serviceAccount,
            Rbac.Rule("", ["pods", "services"], "get", "list", "watch"),
            Rbac.Rule("apps", ["deployments"], "get", "list", "watch", "update", "patch")))
        {
            yield return rbac;
        }

        yield return Workloads.Service(s, Name, Name, Role, [Workloads.ServicePort("http", 80, "http", "http")]);

        var container = Container(s, Name, s.Image(values.Image, s.Version.Images.Operator), values.Resources);
        container.Ports = [Port("http", 80)];
        container.Env =
        [
            Env("NATS_SERVER", s.Values.Cloud.NatsUrl),
            Env("NATS_SUBJECT", s.Values.Cloud.EffectiveSubject(s.Values.Runner)),
            Env("NATS_CREDENTIAL_FILE", "/etc/nats/nats.creds"),
            Env("NAMESPACE", s.Namespace),
        ];
        container.VolumeMounts = [Mount("nats-creds", "/etc/nats"), Mount("tmp", "/tmp", readOnly: false)];
        // No health endpoint is documented: the port accepting connections is the signal.
        container.LivenessProbe = TcpProbe("http", 10);
        container.ReadinessProbe = TcpProbe("http");

        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = true,
            SecurityContext = WithUnprivilegedPorts(SecurityContexts.RestrictedPod()),
            Containers = [container],
            Volumes = [SecretFile("nats-creds", nats.Name, nats.Key, "nats.creds"), EmptyDir("tmp")],
        };
        yield return Workloads.Deployment(s, Name, Role, values.Replicas, Pod(s, Name, Role, values, pod));
    }

    // Port 80 as a non-root user without NET_BIND_SERVICE: a namespaced sysctl the restricted profile allows.
    private static V1PodSecurityContext WithUnprivilegedPorts(V1PodSecurityContext context)
    {
        context.Sysctls = [new V1Sysctl { Name = "net.ipv4.ip_unprivileged_port_start", Value = "0" }];
        return context;
    }
}
