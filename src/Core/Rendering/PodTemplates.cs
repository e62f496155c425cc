using k8s.Models;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Rendering;

/// <summary>What every pod of the runner shares: scheduling from values, pull secrets, security context, token mounting.</summary>
internal static class PodTemplates
{
    public static V1PodTemplateSpec Pod(
        RenderScope s,
        string component,
        string role,
        PodValues values,
        V1PodSpec spec,
        IDictionary<string, string>? annotations = null)
    {
        spec.ImagePullSecrets = s.PullSecrets;
        spec.NodeSelector = values.NodeSelector.Count == 0 ? null : new SortedDictionary<string, string>(values.NodeSelector.ToDictionary(), StringComparer.Ordinal);
        spec.Tolerations = values.Tolerations.Count == 0 ? null : [.. values.Tolerations.Select(ToToleration)];
        spec.SecurityContext ??= SecurityContexts.RestrictedPod();
        var podAnnotations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values.PodAnnotations)
        {
            podAnnotations[key] = value;
        }

        if (annotations is not null)
        {
            foreach (var (key, value) in annotations)
            {
                podAnnotations[key] = value;
            }
        }

        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta
            {
                Labels = s.Labels(component, role),
                Annotations = podAnnotations.Count == 0 ? null : podAnnotations,
            },
            Spec = spec,
        };
    }

    /// <summary>A container with the runner's defaults: pinned image, pull policy from values, requests and limits, restricted context.</summary>
    public static V1Container Container(RenderScope s, string name, string image, ResourcesValues resources, bool readOnlyRootFilesystem = true) => new()
    {
        Name = name,
        Image = image,
        ImagePullPolicy = s.PullPolicy,
        Resources = Resources(resources),
        SecurityContext = SecurityContexts.RestrictedContainer(readOnlyRootFilesystem),
    };

    public static V1ResourceRequirements Resources(ResourcesValues values) => new()
    {
        Requests = Quantities(values.Requests),
        Limits = Quantities(values.Limits),
    };

    public static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    public static V1EnvVar EnvFromSecret(string name, string secret, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } },
    };

    public static V1EnvVar EnvFromField(string name, string fieldPath) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = fieldPath } },
    };

    /// <summary>A writable scratch directory for processes on a read-only root filesystem.</summary>
    public static V1Volume EmptyDir(string name, string? sizeLimit = "64Mi") => new()
    {
        Name = name,
        EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = sizeLimit is null ? null : Quantity(sizeLimit) },
    };

    /// <summary>One key of a Secret mounted as a file named <paramref name="path"/>, readable by the owner only.</summary>
    public static V1Volume SecretFile(string volume, string secret, string key, string path) => new()
    {
        Name = volume,
        Secret = new V1SecretVolumeSource
        {
            SecretName = secret,
            Items = [new V1KeyToPath { Key = key, Path = path }],
            DefaultMode = 0b100_100_000, // 0440: the non-root group (fsGroup) reads it, nobody else.
        },
    };

    public static V1VolumeMount Mount(string volume, string path, bool readOnly = true) => new()
    {
        Name = volume,
        MountPath = path,
        ReadOnlyProperty = readOnly ? true : null,
    };

    public static V1Probe HttpProbe(string path, string port, int initialDelaySeconds = 5) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        InitialDelaySeconds = initialDelaySeconds,
        PeriodSeconds = 10,
        TimeoutSeconds = 3,
        FailureThreshold = 3,
    };

    public static V1Probe TcpProbe(string port, int initialDelaySeconds = 5) => new()
    {
        TcpSocket = new V1TCPSocketAction { Port = port },
        InitialDelaySeconds = initialDelaySeconds,
        PeriodSeconds = 10,
        TimeoutSeconds = 3,
        FailureThreshold = 3,
    };

    public static V1ContainerPort Port(string name, int port, string protocol = "TCP") => new()
    {
        Name = name,
        ContainerPort = port,
        Protocol = protocol,
    };

    // Parsing a quantity (arbitrary-precision fractions) is a large share of a render; ResourceQuantity has no
    // mutators, so one parsed instance per text is shared. Bounded: values are few, but they come from users.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ResourceQuantity> ParsedQuantities = new(StringComparer.Ordinal);

    private static ResourceQuantity Quantity(string text)
    {
        if (ParsedQuantities.TryGetValue(text, out var quantity))
        {
            return quantity;
        }

        quantity = new ResourceQuantity(text);
        if (ParsedQuantities.Count < 256)
        {
            ParsedQuantities.TryAdd(text, quantity);
        }

        return quantity;
    }

    private static Dictionary<string, ResourceQuantity>? Quantities(ResourceQuantities q)
    {
        var result = new Dictionary<string, ResourceQuantity>();
        if (q.Cpu.Length > 0)
        {
            result["cpu"] = Quantity(q.Cpu);
        }

        if (q.Memory.Length > 0)
        {
            result["memory"] = Quantity(q.Memory);
        }

        return result.Count == 0 ? null : result;
    }

    private static V1Toleration ToToleration(Toleration t) => new()
    {
        Key = t.Key.Length == 0 ? null : t.Key,
        OperatorProperty = t.Operator.Length == 0 ? null : t.Operator,
        Value = t.Value.Length == 0 ? null : t.Value,
        Effect = t.Effect.Length == 0 ? null : t.Effect,
        TolerationSeconds = t.TolerationSeconds,
    };
}
