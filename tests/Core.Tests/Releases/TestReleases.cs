using System.Text.Json.Nodes;
using k8s.Models;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Releases;

/// <summary>Small hand-made releases and objects for the release and planning tests.</summary>
internal static class TestReleases
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);

    public static ReleaseRecord Record(int version = 1, ReleaseStatus status = ReleaseStatus.Deployed, string manifest = "") => new()
    {
        Name = "runner",
        Namespace = "kubiya",
        Version = version,
        Info = new ReleaseInfo
        {
            FirstDeployed = Now,
            LastDeployed = Now.AddMinutes(version),
            Status = status,
            Description = "Install complete",
        },
        Chart = new ChartRecord
        {
            Metadata = new ChartMetadata { Name = "kubiya-runner", Version = "0.6.0", AppVersion = "0.6.0", Description = "Kubiya runner" },
            Templates = [new ChartFile("templates/all.yaml", "kind: ConfigMap\n"u8.ToArray())],
            Values = new JsonObject { ["replicas"] = 2 },
        },
        Config = new JsonObject { ["runner"] = new JsonObject { ["name"] = "r1" } },
        Manifest = manifest,
        Hooks = [],
        ApplyMethod = ReleaseRecord.ServerSideApply,
    };

    public static Manifest ConfigMap(string name, string value = "v") => new(
        $"kubiya-runner/templates/{name}.yaml",
        new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "kubiya" }, Data = new Dictionary<string, string> { ["key"] = value } });

    public static Manifest Deployment(string name, string image = "nginx:1.27") => new(
        $"kubiya-runner/templates/{name}.yaml",
        new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "kubiya" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = image }, new V1Container { Name = "side", Image = "busybox:1.36" }] },
                },
            },
        });

    public static Manifest Secret(string name, Dictionary<string, string> values) => new(
        $"kubiya-runner/templates/{name}.yaml",
        new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "kubiya" },
            Data = values.ToDictionary(kv => kv.Key, kv => System.Text.Encoding.UTF8.GetBytes(kv.Value)),
        });
}
