using k8s.Models;
using RunnerConsole.Core.Values;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>
/// otel-collector (contrib): scrapes the runner, adds runner and Kubernetes labels and remote-writes to a central
/// Prometheus. Its config is a ConfigMap whose checksum is on the pod template; credentials come from a Secret via env.
/// </summary>
internal static class OtelCollector
{
    private const string Name = RunnerComponents.OtelCollector;
    private const string Role = "monitoring";

    public static IEnumerable<Manifest> Build(RenderScope s, ScrapePlan plan)
    {
        if (!s.OtelEnabled)
        {
            yield break;
        }

        var values = s.Values.Monitoring.OtelCollector;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        var config = OtelCollectorConfig.Render(s, plan);
        var (secretSource, secretEnv, defaultKey) = AuthSecret(values.RemoteWrite);
        var secretRef = secretSource is null ? null : SecretReferences.Resolve(secretSource, s.Derived("remote-write-auth"), defaultKey);

        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: true);
        if (secretSource is not null && secretRef is not null)
        {
            foreach (var secret in SecretReferences.Owned(s, secretSource, secretRef, Name, Role, $"templates/{Name}/secret-remote-write.yaml"))
            {
                yield return secret;
            }
        }

        yield return new Manifest($"templates/{Name}/configmap.yaml", new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = V1ConfigMap.KubeKind,
            Metadata = s.Meta(Name, Name, Role),
            Data = new Dictionary<string, string> { ["config.yaml"] = config },
        });
        foreach (var rbac in Rbac.RoleAndBinding(s, Name, Role, serviceAccount,
            Rbac.Rule("", ["pods", "services", "endpoints"], "get", "list", "watch"),
            Rbac.Rule("apps", ["replicasets"], "get", "list", "watch")))
        {
            yield return rbac;
        }

        var container = Container(s, Name, s.Image(values.Image, s.Version.Images.OtelCollector), values.Resources);
        container.Args = ["--config=/conf/config.yaml"];
        var env = new List<V1EnvVar> { EnvFromField("POD_IP", "status.podIP") };
        if (secretRef is not null && secretEnv is not null)
        {
            env.Add(EnvFromSecret(secretEnv, secretRef.Name, secretRef.Key));
        }

        container.Env = env;
        container.Ports = [Port("health", int.Parse(OtelCollectorConfig.HealthPort, System.Globalization.CultureInfo.InvariantCulture))];
        container.VolumeMounts = [Mount("config", "/conf")];
        container.LivenessProbe = HttpProbe("/", "health");
        container.ReadinessProbe = HttpProbe("/", "health");

        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = true,
            Containers = [container],
            Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = Name } }],
        };
        var annotations = new Dictionary<string, string> { [RenderAnnotations.ConfigChecksum] = ConfigChecksum.Of(config) };
        yield return Workloads.Deployment(s, Name, Role, values.Replicas, Pod(s, Name, Role, values, pod, annotations));
    }

    /// <summary>The secret the chosen remote-write auth needs, the env var the config reads it from, and its default key.</summary>
    private static (SecretSource? Source, string? Env, string DefaultKey) AuthSecret(RemoteWriteValues remoteWrite)
    {
        if (remoteWrite.Url.Length == 0)
        {
            return (null, null, "");
        }

        var auth = remoteWrite.Auth;
        return auth.Type switch
        {
            RemoteWriteAuthType.Basic => (auth.Basic.Password, OtelCollectorConfig.PasswordEnv, "password"),
            RemoteWriteAuthType.Bearer => (auth.Bearer.Token, OtelCollectorConfig.TokenEnv, "token"),
            RemoteWriteAuthType.OAuth2 => (auth.OAuth2.ClientSecret, OtelCollectorConfig.ClientSecretEnv, "clientSecret"),
            _ => (null, null, ""),
        };
    }
}
