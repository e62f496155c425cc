using k8s.Models;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>blackbox-exporter: probes every runner Service (also those without metrics: dagger, kubiya-operator). No API access.</summary>
internal static class BlackboxExporter
{
    private const string Name = RunnerComponents.BlackboxExporter;
    private const string Role = "monitoring";

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        if (!s.BlackboxEnabled)
        {
            yield break;
        }

        var values = s.Values.Monitoring.BlackboxExporter;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        var config = BlackboxConfig.Render();
        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: false);
        yield return new Manifest($"templates/{Name}/configmap.yaml", new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = V1ConfigMap.KubeKind,
            Metadata = s.Meta(Name, Name, Role),
            Data = new Dictionary<string, string> { ["blackbox.yml"] = config },
        });
        yield return Workloads.Service(s, Name, Name, Role, [Workloads.ServicePort("http", 9115, "http", "http")]);

        var container = Container(s, Name, s.Image(values.Image, s.Version.Images.BlackboxExporter), values.Resources);
        container.Args = ["--config.file=/etc/blackbox/blackbox.yml"];
        container.Ports = [Port("http", 9115)];
        container.VolumeMounts = [Mount("config", "/etc/blackbox")];
        container.LivenessProbe = HttpProbe("/-/healthy", "http");
        container.ReadinessProbe = HttpProbe("/-/healthy", "http");

        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = false,
            Containers = [container],
            Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = Name } }],
        };
        var annotations = new Dictionary<string, string> { [RenderAnnotations.ConfigChecksum] = ConfigChecksum.Of(config) };
        yield return Workloads.Deployment(s, Name, Role, values.Replicas, Pod(s, Name, Role, values, pod, annotations));
    }
}
