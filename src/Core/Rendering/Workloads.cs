using k8s.Models;

namespace RunnerConsole.Core.Rendering;

/// <summary>Deployment, Service and CronJob shells around a component's pod template.</summary>
internal static class Workloads
{
    public static Manifest Deployment(RenderScope s, string component, string role, int replicas, V1PodTemplateSpec template, IDictionary<string, string>? annotations = null)
    {
        var meta = s.Meta(component, component, role);
        if (annotations is not null)
        {
            foreach (var (key, value) in annotations)
            {
                meta.Annotations[key] = value;
            }
        }

        return new Manifest($"templates/{component}/deployment.yaml", new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = V1Deployment.KubeKind,
            Metadata = meta,
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                RevisionHistoryLimit = 5,
                Selector = new V1LabelSelector { MatchLabels = s.SelectorLabels(component) },
                Template = template,
            },
        });
    }

    /// <summary>A ClusterIP Service, or a headless one (<paramref name="headless"/>) whose DNS name lists every ready pod.</summary>
    public static Manifest Service(RenderScope s, string name, string component, string role, IList<V1ServicePort> ports, bool headless = false) =>
        new($"templates/{component}/service.yaml", new V1Service
        {
            ApiVersion = "v1",
            Kind = V1Service.KubeKind,
            Metadata = s.Meta(name, component, role),
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                ClusterIP = headless ? "None" : null,
                Selector = s.SelectorLabels(component),
                Ports = ports,
            },
        });

    public static V1ServicePort ServicePort(string name, int port, string targetPort, string? appProtocol = null) => new()
    {
        Name = name,
        Port = port,
        TargetPort = targetPort,
        Protocol = "TCP",
        AppProtocol = appProtocol,
    };

    /// <summary>
    /// A CronJob that never overlaps itself (<c>Forbid</c>), keeps a short history, and does not retry a failed run:
    /// the next schedule is the retry.
    /// </summary>
    public static Manifest CronJob(RenderScope s, string component, string role, string schedule, V1PodTemplateSpec template, int activeDeadlineSeconds)
    {
        template.Spec.RestartPolicy = "Never";
        return new Manifest($"templates/{component}/cronjob.yaml", new V1CronJob
        {
            ApiVersion = "batch/v1",
            Kind = V1CronJob.KubeKind,
            Metadata = s.Meta(s.Derived(component), component, role),
            Spec = new V1CronJobSpec
            {
                Schedule = schedule,
                ConcurrencyPolicy = "Forbid",
                StartingDeadlineSeconds = 300,
                SuccessfulJobsHistoryLimit = 1,
                FailedJobsHistoryLimit = 3,
                JobTemplate = new V1JobTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = s.Labels(component, role) },
                    Spec = new V1JobSpec
                    {
                        BackoffLimit = 0,
                        ActiveDeadlineSeconds = activeDeadlineSeconds,
                        TtlSecondsAfterFinished = 3600,
                        Template = template,
                    },
                },
            },
        });
    }
}
