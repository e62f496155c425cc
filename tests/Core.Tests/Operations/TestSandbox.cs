using k8s.Models;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Operations;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Controllers;

namespace RunnerConsole.Core.Tests.Operations;

/// <summary>A fresh in-process sandbox cluster with a kubeconfig and the engine pointed at it.</summary>
internal sealed class TestSandbox : IAsyncDisposable
{
    public const string Ns = "kubiya";
    public const string Release = "runner";

    private readonly string _dir;

    private TestSandbox(SandboxServer server, string dir, KubeCluster cluster)
    {
        Server = server;
        _dir = dir;
        Cluster = cluster;
        Context = new OperationContext(cluster);
        KubeconfigPath = Path.Combine(dir, "kubeconfig");
    }

    public SandboxServer Server { get; }

    public KubeCluster Cluster { get; }

    public OperationContext Context { get; }

    public string KubeconfigPath { get; }

    public static OperationOptions Options { get; } = new()
    {
        Operator = "test-operator",
        Timeout = TimeSpan.FromSeconds(20),
        PollInterval = TimeSpan.FromMilliseconds(50),
    };

    public static async Task<TestSandbox> StartAsync(RetryPolicy? retry = null)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { ControllerDelay = TimeSpan.FromMilliseconds(20) });
        var dir = Directory.CreateTempSubdirectory("ops-sandbox-").FullName;
        var path = server.WriteKubeconfig(Path.Combine(dir, "kubeconfig"));
        var cluster = KubeCluster.FromKubeconfig(path, SandboxServer.ContextName, new KubeClusterOptions
        {
            Retry = retry ?? new RetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
            RequestTimeout = TimeSpan.FromSeconds(15),
        });
        return new TestSandbox(server, dir, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        Cluster.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A small runner-like release: service account, config map, secret, role + binding, service, deployment.</summary>
    public static ReleaseRequest Request(string configValue = "one", string image = "ghcr.io/kubiyabot/tool-manager:v0.3.2", bool withExtra = true, string appVersion = "0.6.0", string? behavior = null) =>
        new(Release, Ns, new ManifestSet(Objects(configValue, image, withExtra, behavior)), new ChartMetadata { Name = "kubiya-runner", Version = appVersion, AppVersion = appVersion, Description = "Kubiya runner" })
        {
            Config = new System.Text.Json.Nodes.JsonObject { ["configValue"] = configValue },
            CreateNamespace = true,
        };

    // behavior: sandbox workload behaviour for the deployment's pods, e.g. never-ready:ImagePullBackOff.
    public static IReadOnlyList<Manifest> Objects(string configValue, string image, bool withExtra, string? behavior = null)
    {
        var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "tool-manager", ["app.kubernetes.io/instance"] = Release };
        var list = new List<Manifest>
        {
            new("kubiya-runner/templates/deployment.yaml", new V1Deployment
            {
                ApiVersion = "apps/v1", Kind = "Deployment",
                Metadata = new V1ObjectMeta { Name = "tool-manager", Labels = labels },
                Spec = new V1DeploymentSpec
                {
                    Replicas = 2,
                    Selector = new V1LabelSelector { MatchLabels = labels },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = labels, Annotations = behavior is null ? null : new Dictionary<string, string> { [WorkloadBehavior.Annotation] = behavior } },
                        Spec = new V1PodSpec { ServiceAccountName = "tool-manager", Containers = [new V1Container { Name = "tool-manager", Image = image, Ports = [new V1ContainerPort { ContainerPort = 3001 }] }] },
                    },
                },
            }),
            new("kubiya-runner/templates/service.yaml", new V1Service
            {
                ApiVersion = "v1", Kind = "Service",
                Metadata = new V1ObjectMeta { Name = "tool-manager", Labels = labels },
                Spec = new V1ServiceSpec { Selector = labels, Ports = [new V1ServicePort { Port = 80, TargetPort = 3001, Protocol = "TCP" }] },
            }),
            new("kubiya-runner/templates/configmap.yaml", new V1ConfigMap
            {
                ApiVersion = "v1", Kind = "ConfigMap",
                Metadata = new V1ObjectMeta { Name = "runner-config", Labels = labels },
                Data = new Dictionary<string, string> { ["value"] = configValue },
            }),
            new("kubiya-runner/templates/secret.yaml", new V1Secret
            {
                ApiVersion = "v1", Kind = "Secret",
                Metadata = new V1ObjectMeta { Name = "runner-creds", Labels = labels },
                Type = "Opaque",
                Data = new Dictionary<string, byte[]> { ["token"] = "PLANTED-token-value"u8.ToArray() },
            }),
            new("kubiya-runner/templates/serviceaccount.yaml", new V1ServiceAccount
            {
                ApiVersion = "v1", Kind = "ServiceAccount",
                Metadata = new V1ObjectMeta { Name = "tool-manager", Labels = labels },
            }),
            new("kubiya-runner/templates/role.yaml", new V1Role
            {
                ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "Role",
                Metadata = new V1ObjectMeta { Name = "tool-manager", Labels = labels },
                Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["pods"], Verbs = ["get", "list"] }],
            }),
        };
        if (withExtra)
        {
            list.Add(new("kubiya-runner/templates/extra.yaml", new V1ConfigMap
            {
                ApiVersion = "v1", Kind = "ConfigMap",
                Metadata = new V1ObjectMeta { Name = "runner-extra", Labels = labels },
                Data = new Dictionary<string, string> { ["extra"] = "yes" },
            }));
        }

        return list;
    }

    /// <summary>The release Secrets' (version, status label) pairs, as stored.</summary>
    public IReadOnlyList<(int Version, string Status)> StoredRevisions() =>
        [.. Server.ListObjects("", "secrets", Ns)
            .Where(s => (string?)s["metadata"]?["labels"]?["owner"] == "helm")
            .Select(s => (int.Parse((string)s["metadata"]!["labels"]!["version"]!, System.Globalization.CultureInfo.InvariantCulture), (string)s["metadata"]!["labels"]!["status"]!))
            .OrderBy(x => x.Item1)];
}
