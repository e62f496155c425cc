using k8s.Models;
using RunnerConsole.Core.Values;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>tool-manager with its sdk-server sidecar: runs tools as pods and jobs in the namespace, on the dagger engines.</summary>
internal static class ToolManager
{
    private const string Name = RunnerComponents.ToolManager;
    private const string Role = "tools";
    private const string RegistryCaPath = "/etc/kubiya/registry-tls";

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        var values = s.Values.ToolManager;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        var nats = CloudCredentials.Customer(s);

        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: true);
        string[] verbs = ["get", "list", "watch", "create", "update", "delete"];
        foreach (var rbac in Rbac.RoleAndBinding(s, Name, Role, serviceAccount,
            Rbac.Rule("", ["pods", "secrets", "configmaps", "services", "persistentvolumeclaims"], verbs),
            Rbac.Rule("apps", ["deployments"], verbs),
            Rbac.Rule("batch", ["jobs"], verbs)))
        {
            yield return rbac;
        }

        foreach (var clusterRbac in ClusterAccessObjects(s, serviceAccount, values.ClusterAccess))
        {
            yield return clusterRbac;
        }

        yield return Workloads.Service(s, Name, Name, Role, [Workloads.ServicePort("http", 80, "http", "http")]);

        var main = Container(s, Name, s.Image(values.Image, s.Version.Images.ToolManager), values.Resources);
        main.Ports = [Port("http", 3001)];
        var env = new List<V1EnvVar>();
        if (s.DaggerEnabled)
        {
            env.Add(Env("KUBIYA_DAGGER_ENGINE_SERVICE_URL", $"tcp://{RunnerComponents.DaggerService}:8080"));
        }

        env.AddRange(
        [
            Env("KUBIYA_SDK_SERVER_URL", "http://127.0.0.1:8000"),
            Env("KUBIYA_TOOL_TIMEOUT", values.ToolTimeout),
            Env("KUBIYA_LONG_RUNNING_TOOL_TIMEOUT", values.LongRunningToolTimeout),
            Env("KUBIYA_USER_ORG", s.Values.Runner.Organization),
        ]);
        if (s.Values.Runner.Uuid.Length > 0)
        {
            env.Add(Env("KUBIYA_AGENT_UUID", s.Values.Runner.Uuid));
        }

        env.AddRange(
        [
            Env("KUBIYA_RUNNER_NAME", s.Values.Runner.Name),
            Env("KUBIYA_GROUP_NAME", $"{s.Values.Runner.Organization}.{s.Values.Runner.Name}"),
            Env("KUBIYA_SERVICE_ACCOUNT", serviceAccount),
            Env("KUBIYA_NATS_CREDS", "/nats/nats.creds"),
            Env("NAMESPACE", s.Namespace),
        ]);
        main.Env = env;
        var mounts = new List<V1VolumeMount> { Mount("nats-creds", "/nats"), Mount("tmp", "/tmp", readOnly: false) };
        var volumes = new List<V1Volume> { SecretFile("nats-creds", nats.Name, nats.Key, "nats.creds"), EmptyDir("tmp", "1Gi") };
        if (s.DaggerEnabled)
        {
            // Only the certificate: tool-manager trusts the registry, it does not serve it, so it never sees the key.
            mounts.Add(Mount("registry-ca", RegistryCaPath));
            volumes.Add(SecretFile("registry-ca", RegistryTls.SecretName(s), "tls.crt", "ca.crt"));
        }

        main.VolumeMounts = mounts;
        main.LivenessProbe = HttpProbe("/health", "http", 10);
        main.ReadinessProbe = HttpProbe("/health", "http");

        var sdk = Container(s, RunnerComponents.SdkServer, s.Image(values.SdkServer.Image, s.Version.Images.SdkServer), values.SdkServer.Resources);
        sdk.Ports = [Port("sdk-http", 8000), Port("sdk-grpc", 50051)];
        sdk.Env =
        [
            Env("KUBIYA_USER_ORG", s.Values.Runner.Organization),
            Env("KUBIYA_RUNNER_NAME", s.Values.Runner.Name),
            Env("KUBIYA_NATS_CREDS", "/nats/nats.creds"),
            Env("HOME", "/tmp"),
        ];
        sdk.VolumeMounts = [Mount("nats-creds", "/nats"), Mount("sdk-tmp", "/tmp", readOnly: false)];
        sdk.ReadinessProbe = TcpProbe("sdk-grpc");
        sdk.LivenessProbe = TcpProbe("sdk-grpc", 15);
        volumes.Add(EmptyDir("sdk-tmp", "1Gi"));

        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = true,
            Containers = [main, sdk],
            Volumes = volumes,
        };
        yield return Workloads.Deployment(s, Name, Role, values.Replicas, Pod(s, Name, Role, values, pod));
    }

    /// <summary>The only cluster-scoped objects the renderer ever produces, and only on explicit request.</summary>
    private static IEnumerable<Manifest> ClusterAccessObjects(RenderScope s, string serviceAccount, ClusterAccess access)
    {
        if (access == ClusterAccess.None)
        {
            yield break;
        }

        // Cluster-wide names must not collide between runners in different namespaces.
        var name = $"{s.Release}-{s.Namespace}-{Name}";
        string roleName;
        if (access == ClusterAccess.PersistentVolumes)
        {
            roleName = name;
            yield return new Manifest($"templates/{Name}/clusterrole.yaml", new V1ClusterRole
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = V1ClusterRole.KubeKind,
                Metadata = s.ClusterMeta(name, Name, Role),
                Rules =
                [
                    Rbac.Rule("", ["persistentvolumes"], "get", "list", "watch", "create", "update", "delete"),
                    Rbac.Rule("storage.k8s.io", ["storageclasses"], "get", "list", "watch"),
                ],
            });
        }
        else
        {
            roleName = "cluster-admin";
        }

        yield return new Manifest($"templates/{Name}/clusterrolebinding.yaml", new V1ClusterRoleBinding
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = V1ClusterRoleBinding.KubeKind,
            Metadata = s.ClusterMeta(name, Name, Role),
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = V1ClusterRole.KubeKind, Name = roleName },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = serviceAccount, NamespaceProperty = s.Namespace }],
        });
    }
}
