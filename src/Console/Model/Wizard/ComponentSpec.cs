using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Wizard;

/// <summary>
/// One runner component as the form shows it: an optional on/off switch, replicas, resources and an advanced section
/// (image, service account). Fields are built from the component's key path so their errors line up with the validator's.
/// </summary>
public sealed class ComponentSpec
{
    private readonly Func<RunnerValues, PodValues> _get;
    private readonly Func<RunnerValues, PodValues, RunnerValues> _set;

    public ComponentSpec(
        string key,
        string title,
        string description,
        Func<RunnerValues, PodValues> get,
        Func<RunnerValues, PodValues, RunnerValues> set,
        ValueField<bool>? enabled,
        ValueField<int>? replicas)
    {
        Key = key;
        Title = title;
        Description = description;
        _get = get;
        _set = set;
        Enabled = enabled;
        Replicas = replicas;
        CpuRequest = Quantity("resources.requests.cpu", "CPU request", r => r.Requests.Cpu, (r, s) => r with { Requests = r.Requests with { Cpu = s } });
        MemoryRequest = Quantity("resources.requests.memory", "Memory request", r => r.Requests.Memory, (r, s) => r with { Requests = r.Requests with { Memory = s } });
        CpuLimit = Quantity("resources.limits.cpu", "CPU limit", r => r.Limits.Cpu, (r, s) => r with { Limits = r.Limits with { Cpu = s } });
        MemoryLimit = Quantity("resources.limits.memory", "Memory limit", r => r.Limits.Memory, (r, s) => r with { Limits = r.Limits with { Memory = s } });
        ImageRepository = new($"{key}.image.repository", "Image repository", v => _get(v).Image.Repository,
            (v, s) => _set(v, _get(v) with { Image = _get(v).Image with { Repository = s } }));
        ImageTag = new($"{key}.image.tag", "Image tag (empty: catalog pin)", v => _get(v).Image.Tag,
            (v, s) => _set(v, _get(v) with { Image = _get(v).Image with { Tag = s } }));
        ServiceAccount = new($"{key}.serviceAccount.name", "Service account", v => _get(v).ServiceAccount.Name,
            (v, s) => _set(v, _get(v) with { ServiceAccount = new ServiceAccountValues { Name = s } }));
    }

    /// <summary>Key path of the component, e.g. <c>monitoring.otelCollector</c>.</summary>
    public string Key { get; }

    public string Title { get; }

    public string Description { get; }

    /// <summary>The on/off switch; null for components that are always installed.</summary>
    public ValueField<bool>? Enabled { get; }

    /// <summary>Replicas; null for CronJobs.</summary>
    public ValueField<int>? Replicas { get; }

    public ValueField<string> CpuRequest { get; }

    public ValueField<string> MemoryRequest { get; }

    public ValueField<string> CpuLimit { get; }

    public ValueField<string> MemoryLimit { get; }

    public ValueField<string> ImageRepository { get; }

    public ValueField<string> ImageTag { get; }

    public ValueField<string> ServiceAccount { get; }

    /// <summary>True when the component is installed with these values.</summary>
    public bool IsOn(RunnerValues values) => Enabled?.Get(values) ?? true;

    private ValueField<string> Quantity(string sub, string label, Func<ResourcesValues, string> get, Func<ResourcesValues, string, ResourcesValues> set) =>
        new($"{Key}.{sub}", label, v => get(_get(v).Resources), (v, s) => _set(v, _get(v) with { Resources = set(_get(v).Resources, s) }));
}
