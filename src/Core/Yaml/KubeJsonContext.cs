using System.Text.Json.Serialization;
using k8s.Models;

namespace RunnerConsole.Core.Yaml;

/// <summary>
/// Compile-time JSON metadata for the kinds the renderer emits (and everything they contain), so that writing them
/// needs no reflection or run-time code generation: the first render's YAML in a fresh CLI process is otherwise
/// dominated by System.Text.Json building that metadata. Other kinds fall back to reflection. The client's own
/// converters (IntOrString, Quantity, dates) still apply: they come with the options.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(V1ServiceAccount))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(V1Deployment))]
[JsonSerializable(typeof(V1CronJob))]
[JsonSerializable(typeof(V1Job))]
[JsonSerializable(typeof(V1Role))]
[JsonSerializable(typeof(V1RoleBinding))]
[JsonSerializable(typeof(V1ClusterRole))]
[JsonSerializable(typeof(V1ClusterRoleBinding))]
[JsonSerializable(typeof(V1NetworkPolicy))]
[JsonSerializable(typeof(V1PodDisruptionBudget))]
[JsonSerializable(typeof(V1PersistentVolumeClaim))]
[JsonSerializable(typeof(V1Namespace))]
internal sealed partial class KubeJsonContext : JsonSerializerContext;
