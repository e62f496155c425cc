using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Policy;

/// <summary>A pod spec found in a workload, with the path of that spec inside the object.</summary>
/// <param name="Owner">The workload the pod spec belongs to.</param>
/// <param name="Spec">The pod spec.</param>
/// <param name="Labels">Labels of the pod template (what Services select).</param>
/// <param name="Path">e.g. <c>spec.template.spec</c>, <c>spec.jobTemplate.spec.template.spec</c>, <c>spec</c> for a Pod.</param>
/// <param name="LongRunning">False for Jobs, CronJobs and run-to-completion Pods (no probes expected).</param>
internal sealed record PodTemplate(Manifest Owner, V1PodSpec Spec, IDictionary<string, string>? Labels, string Path, bool LongRunning)
{
    /// <summary>Containers then init containers, each with its field path.</summary>
    public IEnumerable<ContainerRef> AllContainers =>
        Containers.Concat(InitContainers);

    public IEnumerable<ContainerRef> Containers =>
        (Spec.Containers ?? []).Select((c, i) => new ContainerRef(c, FieldPath.Item(Path, "containers", c.Name, i), IsInit: false));

    public IEnumerable<ContainerRef> InitContainers =>
        (Spec.InitContainers ?? []).Select((c, i) => new ContainerRef(c, FieldPath.Item(Path, "initContainers", c.Name, i), IsInit: true));

    public string Field(string field) => FieldPath.Join(Path, field);

    /// <summary>Pod specs of every workload kind in the set: Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Pod.</summary>
    public static IEnumerable<PodTemplate> In(ManifestSet set)
    {
        foreach (var manifest in set)
        {
            var template = Of(manifest);
            if (template is not null)
            {
                yield return template;
            }
        }
    }

    public static PodTemplate? Of(Manifest manifest)
    {
        const string Tpl = "spec.template.spec";
        return manifest.Object switch
        {
            V1Deployment d when d.Spec?.Template?.Spec is { } s => new(manifest, s, d.Spec.Template.Metadata?.Labels, Tpl, true),
            V1StatefulSet d when d.Spec?.Template?.Spec is { } s => new(manifest, s, d.Spec.Template.Metadata?.Labels, Tpl, true),
            V1DaemonSet d when d.Spec?.Template?.Spec is { } s => new(manifest, s, d.Spec.Template.Metadata?.Labels, Tpl, true),
            V1ReplicaSet d when d.Spec?.Template?.Spec is { } s => new(manifest, s, d.Spec.Template.Metadata?.Labels, Tpl, true),
            V1ReplicationController d when d.Spec?.Template?.Spec is { } s => new(manifest, s, d.Spec.Template.Metadata?.Labels, Tpl, true),
            V1Job d when d.Spec?.Template?.Spec is { } s => new(manifest, s, d.Spec.Template.Metadata?.Labels, Tpl, false),
            V1CronJob d when d.Spec?.JobTemplate?.Spec?.Template?.Spec is { } s =>
                new(manifest, s, d.Spec.JobTemplate.Spec.Template.Metadata?.Labels, "spec.jobTemplate.spec.template.spec", false),
            V1Pod p when p.Spec is { } s => new(manifest, s, p.Metadata?.Labels, "spec", s.RestartPolicy is null or "Always"),
            _ => null,
        };
    }
}

/// <summary>A container of a pod template and its field path (<c>spec.template.spec.containers[name=x]</c>).</summary>
internal sealed record ContainerRef(V1Container Container, string Path, bool IsInit)
{
    public string Name => Container.Name ?? "(unnamed)";

    public string Field(string field) => FieldPath.Join(Path, field);

    /// <summary>"container x" or "init container x", for messages.</summary>
    public string Describe() => IsInit ? $"init container '{Name}'" : $"container '{Name}'";
}
