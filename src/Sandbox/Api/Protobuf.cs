using System.Text;
using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox.Api;

/// <summary>
/// Decodes the Kubernetes protobuf envelope (<c>k8s\0</c> + runtime.Unknown) for the kinds kubectl and helm write with
/// typed clients (<c>kubectl create namespace|configmap|secret|serviceaccount|deployment|service|role...</c>, helm's
/// release Secrets). The schemas below follow <c>k8s.io/api/*/generated.proto</c> for the fields those clients set.
/// </summary>
internal static class Protobuf
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    // Field spec: "<number> <jsonName> <type>", type = s | b (bytes) | i (varint) | bool | time | ios (IntOrString) | q (Quantity)
    // | raw (JSON bytes) | map:s | map:b | map:q | <Message> ; a leading [] marks repeated; a trailing ! keeps zero values.
    private static readonly Dictionary<string, string> Schemas = new(StringComparer.Ordinal)
    {
        ["ObjectMeta"] = "1 name s;2 generateName s;3 namespace s;5 uid s;6 resourceVersion s;7 generation i;8 creationTimestamp time;9 deletionTimestamp time;10 deletionGracePeriodSeconds i;11 labels map:s;12 annotations map:s;13 ownerReferences []OwnerReference;14 finalizers []s;17 managedFields []ManagedFieldsEntry",
        ["OwnerReference"] = "1 kind s;3 name s;4 uid s;5 apiVersion s;6 controller bool;7 blockOwnerDeletion bool",
        ["ManagedFieldsEntry"] = "1 manager s;2 operation s;3 apiVersion s;4 time time;6 fieldsType s;7 fieldsV1 FieldsV1;8 subresource s",
        ["FieldsV1"] = "1 Raw raw",
        ["LabelSelector"] = "1 matchLabels map:s;2 matchExpressions []LabelSelectorRequirement",
        ["LabelSelectorRequirement"] = "1 key s;2 operator s;3 values []s",
        ["Namespace"] = "1 metadata ObjectMeta;2 spec NamespaceSpec;3 status NamespaceStatus",
        ["NamespaceSpec"] = "1 finalizers []s",
        ["NamespaceStatus"] = "1 phase s",
        ["ConfigMap"] = "1 metadata ObjectMeta;2 data map:s;3 binaryData map:b;4 immutable bool",
        ["Secret"] = "1 metadata ObjectMeta;2 data map:b;3 type s;4 stringData map:s;5 immutable bool",
        ["ServiceAccount"] = "1 metadata ObjectMeta;2 secrets []ObjectReference;3 imagePullSecrets []LocalObjectReference;4 automountServiceAccountToken bool",
        ["ObjectReference"] = "1 kind s;2 namespace s;3 name s;4 uid s;5 apiVersion s;6 resourceVersion s;7 fieldPath s",
        ["LocalObjectReference"] = "1 name s",
        ["Role"] = "1 metadata ObjectMeta;2 rules []PolicyRule",
        ["ClusterRole"] = "1 metadata ObjectMeta;2 rules []PolicyRule;3 aggregationRule AggregationRule",
        ["AggregationRule"] = "1 clusterRoleSelectors []LabelSelector",
        ["PolicyRule"] = "1 verbs []s;2 apiGroups []s;3 resources []s;4 resourceNames []s;5 nonResourceURLs []s",
        ["RoleBinding"] = "1 metadata ObjectMeta;2 subjects []Subject;3 roleRef RoleRef",
        ["ClusterRoleBinding"] = "1 metadata ObjectMeta;2 subjects []Subject;3 roleRef RoleRef",
        ["Subject"] = "1 kind s;2 apiGroup s;3 name s;4 namespace s",
        ["RoleRef"] = "1 apiGroup s;2 kind s;3 name s",
        ["Deployment"] = "1 metadata ObjectMeta;2 spec DeploymentSpec;3 status Empty",
        ["DeploymentSpec"] = "1 replicas i!;2 selector LabelSelector;3 template PodTemplateSpec;4 strategy DeploymentStrategy;5 minReadySeconds i;6 revisionHistoryLimit i!;7 paused bool;9 progressDeadlineSeconds i!",
        ["DeploymentStrategy"] = "1 type s;2 rollingUpdate RollingUpdateDeployment",
        ["RollingUpdateDeployment"] = "1 maxUnavailable ios;2 maxSurge ios",
        ["Job"] = "1 metadata ObjectMeta;2 spec JobSpec;3 status Empty",
        ["JobSpec"] = "1 parallelism i!;2 completions i!;3 activeDeadlineSeconds i;4 selector LabelSelector;5 manualSelector bool;6 template PodTemplateSpec;7 backoffLimit i!;8 ttlSecondsAfterFinished i!;9 completionMode s;10 suspend bool",
        ["CronJob"] = "1 metadata ObjectMeta;2 spec CronJobSpec;3 status Empty",
        ["CronJobSpec"] = "1 schedule s;2 startingDeadlineSeconds i;3 concurrencyPolicy s;4 suspend bool;5 jobTemplate JobTemplateSpec;6 successfulJobsHistoryLimit i!;7 failedJobsHistoryLimit i!;8 timeZone s",
        ["JobTemplateSpec"] = "1 metadata ObjectMeta;2 spec JobSpec",
        ["PodTemplateSpec"] = "1 metadata ObjectMeta;2 spec PodSpec",
        ["Pod"] = "1 metadata ObjectMeta;2 spec PodSpec;3 status Empty",
        ["PodSpec"] = "1 volumes []Volume;2 containers []Container;3 restartPolicy s;4 terminationGracePeriodSeconds i!;5 activeDeadlineSeconds i;6 dnsPolicy s;7 nodeSelector map:s;8 serviceAccountName s;10 nodeName s;11 hostNetwork bool;12 hostPID bool;13 hostIPC bool;15 imagePullSecrets []LocalObjectReference;16 hostname s;17 subdomain s;19 schedulerName s;20 initContainers []Container;21 automountServiceAccountToken bool;24 priorityClassName s",
        ["Volume"] = "1 name s;2 volumeSource VolumeSource",
        ["VolumeSource"] = "2 emptyDir Empty;6 secret SecretVolumeSource;19 configMap ConfigMapVolumeSource",
        ["SecretVolumeSource"] = "1 secretName s;3 defaultMode i;4 optional bool",
        ["ConfigMapVolumeSource"] = "1 localObjectReference LocalObjectReference;3 defaultMode i;4 optional bool",
        ["Container"] = "1 name s;2 image s;3 command []s;4 args []s;5 workingDir s;6 ports []ContainerPort;7 env []EnvVar;8 resources ResourceRequirements;9 volumeMounts []VolumeMount;13 terminationMessagePath s;14 imagePullPolicy s;16 stdin bool;17 stdinOnce bool;18 tty bool;20 terminationMessagePolicy s",
        ["ContainerPort"] = "1 name s;2 hostPort i;3 containerPort i!;4 protocol s;5 hostIP s",
        ["EnvVar"] = "1 name s;2 value s",
        ["ResourceRequirements"] = "1 limits map:q;2 requests map:q",
        ["VolumeMount"] = "1 name s;2 readOnly bool;3 mountPath s;4 subPath s",
        ["Service"] = "1 metadata ObjectMeta;2 spec ServiceSpec;3 status Empty",
        ["ServiceSpec"] = "1 ports []ServicePort;2 selector map:s;3 clusterIP s;4 type s;5 externalIPs []s;7 sessionAffinity s;10 externalName s;18 clusterIPs []s",
        ["ServicePort"] = "1 name s;2 protocol s;3 port i!;4 targetPort ios;5 nodePort i",
        ["DeleteOptions"] = "1 gracePeriodSeconds i!;2 preconditions Preconditions;3 orphanDependents bool;4 propagationPolicy s;5 dryRun []s",
        ["Preconditions"] = "1 uid s;2 resourceVersion s",
        ["Scale"] = "1 metadata ObjectMeta;2 spec ScaleSpec;3 status Empty",
        ["ScaleSpec"] = "1 replicas i!",
        ["SelfSubjectAccessReview"] = "1 metadata ObjectMeta;2 spec SelfSubjectAccessReviewSpec;3 status Empty",
        ["SelfSubjectAccessReviewSpec"] = "1 resourceAttributes ResourceAttributes;2 nonResourceAttributes NonResourceAttributes",
        ["ResourceAttributes"] = "1 namespace s;2 verb s;3 group s;4 version s;5 resource s;6 subresource s;7 name s",
        ["NonResourceAttributes"] = "1 path s;2 verb s",
        ["SelfSubjectReview"] = "1 metadata ObjectMeta;2 status Empty",
        ["ResourceQuota"] = "1 metadata ObjectMeta;2 spec ResourceQuotaSpec;3 status Empty",
        ["ResourceQuotaSpec"] = "1 hard map:q;2 scopes []s",
        ["PodDisruptionBudget"] = "1 metadata ObjectMeta;2 spec PodDisruptionBudgetSpec;3 status Empty",
        ["PodDisruptionBudgetSpec"] = "1 minAvailable ios;2 selector LabelSelector;3 maxUnavailable ios;4 unhealthyPodEvictionPolicy s",
        ["Empty"] = "",
    };

    private static readonly Dictionary<string, Dictionary<int, (string Name, string Type, bool Repeated, bool Keep)>> Parsed = ParseSchemas();

    private static Dictionary<string, Dictionary<int, (string, string, bool, bool)>> ParseSchemas()
    {
        var result = new Dictionary<string, Dictionary<int, (string, string, bool, bool)>>(StringComparer.Ordinal);
        foreach (var (name, spec) in Schemas)
        {
            var fields = new Dictionary<int, (string, string, bool, bool)>();
            foreach (var f in spec.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = f.Split(' ');
                var type = parts[2];
                var repeated = type.StartsWith("[]", StringComparison.Ordinal);
                var keep = type.EndsWith('!');
                type = type.TrimStart('[', ']').TrimEnd('!');
                fields[int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)] = (parts[1], type, repeated, keep);
            }

            result[name] = fields;
        }

        return result;
    }

    public static bool IsProtobuf(string? contentType) =>
        contentType is not null && contentType.Contains("application/vnd.kubernetes.protobuf", StringComparison.OrdinalIgnoreCase);

    /// <summary>Decodes a protobuf request body into the object's JSON, or throws 415 for a kind without a schema here.</summary>
    public static JsonObject Decode(byte[] body)
    {
        if (body.Length < 4 || !body.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw ApiException.BadRequest("the protobuf body does not start with the k8s envelope");
        }

        var unknown = new Reader(body, 4, body.Length);
        string apiVersion = "", kind = "";
        (int Start, int End) raw = (0, 0);
        while (unknown.More)
        {
            var (field, wire) = unknown.Tag();
            if (field == 1 && wire == 2)
            {
                var (s, e) = unknown.Slice();
                var tm = new Reader(body, s, e);
                while (tm.More)
                {
                    var (f2, w2) = tm.Tag();
                    if (f2 == 1 && w2 == 2)
                    {
                        apiVersion = tm.String();
                    }
                    else if (f2 == 2 && w2 == 2)
                    {
                        kind = tm.String();
                    }
                    else
                    {
                        tm.Skip(w2);
                    }
                }
            }
            else if (field == 2 && wire == 2)
            {
                raw = unknown.Slice();
            }
            else
            {
                unknown.Skip(wire);
            }
        }

        if (!Parsed.ContainsKey(kind) || kind == "Empty")
        {
            throw ApiException.UnsupportedMediaType("application/vnd.kubernetes.protobuf", ["application/json", "application/yaml"]);
        }

        var obj = DecodeMessage(body, raw.Start, raw.End, kind);
        var result = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion };
        foreach (var (k, v) in obj)
        {
            result[k] = v?.DeepClone();
        }

        return result;
    }

    private static JsonObject DecodeMessage(byte[] buffer, int start, int end, string type)
    {
        var schema = Parsed[type];
        var obj = new JsonObject();
        var reader = new Reader(buffer, start, end);
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            if (!schema.TryGetValue(field, out var f))
            {
                reader.Skip(wire);
                continue;
            }

            var value = ReadValue(ref reader, buffer, wire, f.Type, out var mapEntry);
            if (f.Type.StartsWith("map:", StringComparison.Ordinal))
            {
                var map = obj[f.Name] as JsonObject ?? new JsonObject();
                map[mapEntry!] = value;
                obj[f.Name] = map;
            }
            else if (f.Repeated)
            {
                var arr = obj[f.Name] as JsonArray ?? new JsonArray();
                arr.Add(value);
                obj[f.Name] = arr;
            }
            else if (f.Type == "VolumeSource" && value is JsonObject inline)
            {
                // Embedded (inline) structs: their fields sit on the parent in JSON.
                foreach (var (k, v) in inline)
                {
                    obj[k] = v?.DeepClone();
                }
            }
            else if (f.Type == "LocalObjectReference" && f.Name == "localObjectReference" && value is JsonObject lor)
            {
                foreach (var (k, v) in lor)
                {
                    obj[k] = v?.DeepClone();
                }
            }
            else if (value is not null && (f.Keep || !IsZero(value)))
            {
                obj[f.Name] = value;
            }
        }

        return obj;
    }

    private static bool IsZero(JsonNode node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l == 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        _ => false,
    };

    private static JsonNode? ReadValue(ref Reader reader, byte[] buffer, int wire, string type, out string? mapKey)
    {
        mapKey = null;
        switch (type)
        {
            case "s":
                return JsonValue.Create(reader.String());
            case "b":
                {
                    var (s, e) = reader.Slice();
                    return JsonValue.Create(Convert.ToBase64String(buffer, s, e - s));
                }

            case "raw":
                {
                    var (s, e) = reader.Slice();
                    return e > s ? JsonNode.Parse(buffer.AsSpan(s, e - s)) : new JsonObject();
                }

            case "i":
                return JsonValue.Create((long)reader.Varint());
            case "bool":
                return JsonValue.Create(reader.Varint() != 0);
            case "time":
                {
                    var (s, e) = reader.Slice();
                    var r = new Reader(buffer, s, e);
                    long seconds = 0;
                    while (r.More)
                    {
                        var (f, w) = r.Tag();
                        if (f == 1)
                        {
                            seconds = (long)r.Varint();
                        }
                        else
                        {
                            r.Skip(w);
                        }
                    }

                    return seconds == 0 ? null : JsonValue.Create(Json.Timestamp(DateTimeOffset.FromUnixTimeSeconds(seconds)));
                }

            case "ios":
                {
                    var (s, e) = reader.Slice();
                    var r = new Reader(buffer, s, e);
                    long kind = 0, intVal = 0;
                    var strVal = "";
                    while (r.More)
                    {
                        var (f, w) = r.Tag();
                        switch (f)
                        {
                            case 1: kind = (long)r.Varint(); break;
                            case 2: intVal = (long)r.Varint(); break;
                            case 3: strVal = r.String(); break;
                            default: r.Skip(w); break;
                        }
                    }

                    return kind == 1 ? JsonValue.Create(strVal) : JsonValue.Create(intVal);
                }

            case "q":
                {
                    var (s, e) = reader.Slice();
                    var r = new Reader(buffer, s, e);
                    var text = "";
                    while (r.More)
                    {
                        var (f, w) = r.Tag();
                        if (f == 1)
                        {
                            text = r.String();
                        }
                        else
                        {
                            r.Skip(w);
                        }
                    }

                    return JsonValue.Create(text);
                }

            default:
                if (type.StartsWith("map:", StringComparison.Ordinal))
                {
                    var (s, e) = reader.Slice();
                    var r = new Reader(buffer, s, e);
                    var key = "";
                    JsonNode? value = JsonValue.Create("");
                    while (r.More)
                    {
                        var (f, w) = r.Tag();
                        if (f == 1)
                        {
                            key = r.String();
                        }
                        else if (f == 2)
                        {
                            value = ReadValue(ref r, buffer, w, type[4..], out _);
                        }
                        else
                        {
                            r.Skip(w);
                        }
                    }

                    mapKey = key;
                    return value;
                }

                {
                    var (s, e) = reader.Slice();
                    return DecodeMessage(buffer, s, e, type);
                }
        }
    }

    private struct Reader(byte[] buffer, int position, int end)
    {
        private int _pos = position;

        public readonly bool More => _pos < end;

        public ulong Varint()
        {
            ulong result = 0;
            var shift = 0;
            while (true)
            {
                if (_pos >= end)
                {
                    throw ApiException.BadRequest("truncated protobuf body");
                }

                var b = buffer[_pos++];
                result |= (ulong)(b & 0x7f) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }

                shift += 7;
            }
        }

        public (int Field, int Wire) Tag()
        {
            var t = Varint();
            return ((int)(t >> 3), (int)(t & 7));
        }

        public (int Start, int End) Slice()
        {
            var len = (int)Varint();
            var s = _pos;
            _pos += len;
            if (_pos > end)
            {
                throw ApiException.BadRequest("truncated protobuf body");
            }

            return (s, _pos);
        }

        public string String()
        {
            var (s, e) = Slice();
            return Encoding.UTF8.GetString(buffer, s, e - s);
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0: Varint(); break;
                case 1: _pos += 8; break;
                case 2: Slice(); break;
                case 5: _pos += 4; break;
                default: throw ApiException.BadRequest($"unsupported protobuf wire type {wire}");
            }
        }
    }
}
