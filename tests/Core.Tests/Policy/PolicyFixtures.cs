using System.Text;
using k8s;
using k8s.Models;
using RunnerConsole.Core.Policy;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Policy;

/// <summary>Compliant baseline objects; each test breaks exactly one thing.</summary>
internal static class PolicyFixtures
{
    public const string Ns = "kubiya";

    public static V1Deployment Deployment(string name = "tool-manager", Action<V1PodSpec>? mutate = null, IDictionary<string, string>? annotations = null)
    {
        var spec = new V1PodSpec
        {
            ServiceAccountName = name,
            AutomountServiceAccountToken = false,
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = 65532,
                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
            },
            Containers = [Container(name)],
        };
        mutate?.Invoke(spec);
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns, Annotations = annotations },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                    Spec = spec,
                },
            },
        };
    }

    public static V1Container Container(string name) => new()
    {
        Name = name,
        Image = $"ghcr.io/kubiyabot/{name}:v1.2.3",
        ImagePullPolicy = "IfNotPresent",
        SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
        },
        Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("256Mi") },
        },
        LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 } },
        ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/readyz", Port = 8080 } },
    };

    public static V1Service Service(string name = "tool-manager", string app = "tool-manager") => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = app },
            Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }],
        },
    };

    public static V1Role Role(string name, params V1PolicyRule[] rules) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "Role",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        Rules = rules,
    };

    public static V1PolicyRule Rule(string[] resources, string[] verbs, string[]? apiGroups = null) =>
        new() { ApiGroups = apiGroups ?? [""], Resources = resources, Verbs = verbs };

    public static V1RoleBinding RoleBinding(string name, string serviceAccount, string roleKind = "Role", string? subjectNamespace = Ns) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "RoleBinding",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = roleKind, Name = name },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = serviceAccount, NamespaceProperty = subjectNamespace }],
    };

    public static V1ConfigMap ConfigMap(string name, IDictionary<string, string> data) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        Data = data,
    };

    public static V1Secret Secret(string name, IDictionary<string, string> stringData, IDictionary<string, string>? annotations = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns, Annotations = annotations },
        StringData = stringData,
    };

    public static ManifestSet Set(params IKubernetesObject<V1ObjectMeta>[] objects) =>
        new([.. objects.Select(o => new Manifest("test.yaml", o))]);

    public static PolicyReport Evaluate(params IKubernetesObject<V1ObjectMeta>[] objects) => PolicyEngine.Evaluate(Set(objects));

    /// <summary>A PEM private key block built at run time (random body): no key-looking literal is committed.</summary>
    public static string FakePrivateKeyPem(string type = "RSA")
    {
        var begin = string.Join(" ", "-----BEGIN", type, "PRIVATE", "KEY-----");
        var end = string.Join(" ", "-----END", type, "PRIVATE", "KEY-----");
        var body = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(180));
        var sb = new StringBuilder().Append(begin).Append('\n');
        for (var i = 0; i < body.Length; i += 64)
        {
            sb.Append(body.AsSpan(i, Math.Min(64, body.Length - i))).Append('\n');
        }

        return sb.Append(end).Append('\n').ToString();
    }

    /// <summary>A JWT-shaped string (unsigned, random claims) built at run time.</summary>
    public static string FakeJwt()
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{B64("{\"sub\":\"runner-" + Guid.NewGuid() + "\"}")}.{B64(Guid.NewGuid().ToString())}";
    }

    public static IEnumerable<PolicyFinding> Of(this PolicyReport report, string ruleId) => report.Findings.Where(f => f.RuleId == ruleId);
}
