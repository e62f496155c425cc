using k8s.Models;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>agent-manager: runs the agents and hands tool calls to tool-manager.</summary>
internal static class AgentManager
{
    private const string Name = RunnerComponents.AgentManager;
    private const string Role = "agent";

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        var values = s.Values.AgentManager;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        var nats = CloudCredentials.Customer(s);

        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: true);
        foreach (var rbac in Rbac.RoleAndBinding(s, Name, Role, serviceAccount, Rbac.Rule("", ["pods"], "get", "list")))
        {
            yield return rbac;
        }

        yield return Workloads.Service(s, Name, Name, Role, [Workloads.ServicePort("http", 80, "http", "http")]);

        var container = Container(s, Name, s.Image(values.Image, s.Version.Images.AgentManager), values.Resources);
        container.Ports = [Port("http", 8080)];
        container.Env =
        [
            Env("TOOL_MANAGER_URL", $"http://{RunnerComponents.ToolManager}.{s.Namespace}:80"),
            Env("KUBIYA_NATS_CREDS", "/nats/nats.creds"),
            Env("KUBIYA_USER_ORG", s.Values.Runner.Organization),
            Env("KUBIYA_RUNNER_NAME", s.Values.Runner.Name),
            Env("NAMESPACE", s.Namespace),
        ];
        container.VolumeMounts = [Mount("nats-creds", "/nats"), Mount("tmp", "/tmp", readOnly: false)];
        container.LivenessProbe = HttpProbe("/healthz", "http", 10);
        container.ReadinessProbe = HttpProbe("/healthz", "http");

        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = true,
            Containers = [container],
            Volumes = [SecretFile("nats-creds", nats.Name, nats.Key, "nats.creds"), EmptyDir("tmp")],
        };
        yield return Workloads.Deployment(s, Name, Role, values.Replicas, Pod(s, Name, Role, values, pod));
    }
}
