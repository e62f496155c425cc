using System.Text.Json;
using RunnerConsole.Core.Policy;
using static RunnerConsole.Core.Tests.Policy.PolicyFixtures;

namespace RunnerConsole.Core.Tests.Policy;

/// <summary>
/// An "old single-file runner template" in the style of the public chart the console replaces: cluster-wide RBAC with
/// wildcards, :latest images, root containers, credentials in a ConfigMap and env, and a TLS key pair shipped in a Secret.
/// The private key is generated at test time.
/// </summary>
public sealed class OldTemplateFixtureTests
{
    private const string PlantedToken = "nats-planted-0xDEADBEEF-token";
    private const string PlantedApiKey = "kby-planted-api-key-12345";

    internal static string OldTemplate(string privateKeyPem) => """
        # kubiya runner — single-file install (legacy)
        apiVersion: v1
        kind: Namespace
        metadata:
          name: kubiya
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: kubiya-service-account
          namespace: kubiya
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: kubiya-cluster-role
        rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: kubiya-cluster-role-binding
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: kubiya-cluster-role
        subjects:
        - kind: ServiceAccount
          name: kubiya-service-account
          namespace: kubiya
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: runner-config
          namespace: kubiya
        data:
          NATS_TOKEN: "__TOKEN__"
          LOG_LEVEL: info
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: tool-manager-tls
          namespace: kubiya
        type: kubernetes.io/tls
        stringData:
          tls.crt: |
            -----BEGIN CERTIFICATE-----
            MIIBszCCAVmgAwIBAgIUQ==
            -----END CERTIFICATE-----
          tls.key: |
        __KEY__
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: agent-manager
          namespace: kubiya
        spec:
          selector:
            matchLabels: { app: agent-manager }
          template:
            metadata:
              labels: { app: agent-manager }
            spec:
              serviceAccountName: kubiya-service-account
              containers:
              - name: agent-manager
                image: ghcr.io/kubiyabot/agent-manager:latest
                imagePullPolicy: Always
                securityContext:
                  runAsUser: 0
                env:
                - name: KUBIYA_API_KEY
                  value: "__APIKEY__"
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: agent-manager
          namespace: kubiya
        spec:
          selector: { app: agent-manager }
          ports:
          - port: 80
        """
        .Replace("__TOKEN__", PlantedToken, StringComparison.Ordinal)
        .Replace("__APIKEY__", PlantedApiKey, StringComparison.Ordinal)
        .Replace("__KEY__", string.Join("\n", privateKeyPem.TrimEnd('\n').Split('\n').Select(l => "    " + l)), StringComparison.Ordinal);

    [Fact]
    public void Evaluate_OldTemplate_ProducesTheExpectedErrors()
    {
        var pem = FakePrivateKeyPem();
        var read = ManifestReader.Read(OldTemplate(pem), "kubiya-runner.yaml");
        Assert.False(read.HasProblems, string.Join("\n", read.Problems));

        var report = PolicyEngine.Evaluate(read.Manifests);

        Assert.True(report.HasErrors);
        var errors = report.Findings.Where(f => f.Severity == PolicySeverity.Error)
            .Select(f => $"{f.RuleId} {f.Object.Kind}/{f.Object.Name} {f.FieldPath}").ToHashSet();
        const string Am = "Deployment/agent-manager spec.template.spec.containers[name=agent-manager]";
        string[] expected =
        [
            "RB001 ClusterRole/kubiya-cluster-role kind",
            "RB002 ClusterRoleBinding/kubiya-cluster-role-binding kind",
            "RB003 ClusterRole/kubiya-cluster-role rules[0].apiGroups",
            "RB003 ClusterRole/kubiya-cluster-role rules[0].resources",
            "RB003 ClusterRole/kubiya-cluster-role rules[0].verbs",
            $"IM001 {Am}.image",
            $"PS001 {Am}.securityContext.runAsNonRoot",
            $"PS002 {Am}.securityContext.runAsUser",
            $"PS003 {Am}.securityContext.allowPrivilegeEscalation",
            $"PS004 {Am}.securityContext.capabilities.drop",
            "PS006 Deployment/agent-manager spec.template.spec.securityContext.seccompProfile.type",
            $"RS001 {Am}.resources.limits.memory",
            $"SE002 {Am}.env[name=KUBIYA_API_KEY].value",
            "SE001 ConfigMap/runner-config data.NATS_TOKEN",
            "SE003 Secret/tool-manager-tls stringData[\"tls.key\"]",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Order(StringComparer.Ordinal));

        // The ServiceAccount is bound (cluster-wide), so automount is not flagged; probes and pull policy are warnings.
        Assert.Empty(report.Of("PS012"));
        Assert.Empty(report.Of("IM002"));
        Assert.Contains(report.Findings, f => f.RuleId == "RS003" && f.Severity == PolicySeverity.Warning);
    }

    [Fact]
    public void Report_NeverContainsSecretValues_InFindingsOrJson()
    {
        var pem = FakePrivateKeyPem();
        var keyBody = pem.Split('\n')[1];
        var read = ManifestReader.Read(OldTemplate(pem), "kubiya-runner.yaml");
        var report = PolicyEngine.Evaluate(read.Manifests);
        var json = PolicyReportJson.Write(report, "kubiya-runner.yaml", read.Problems);

        var text = string.Join("\n", report.Findings.Select(f => $"{f.Message}|{f.Fix}|{f.FieldPath}|{f.ExceptionReason}")) + json;
        foreach (var secret in new[] { PlantedToken, PlantedApiKey, keyBody, "PRIVATE KEY-----" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_IsStableAndMachineReadable()
    {
        var read = ManifestReader.Read(OldTemplate(FakePrivateKeyPem()), "kubiya-runner.yaml");
        var report = PolicyEngine.Evaluate(read.Manifests);

        var first = PolicyReportJson.Write(report, "kubiya-runner.yaml", read.Problems, read.LocationOf);
        var read2 = ManifestReader.Read(OldTemplate(FakePrivateKeyPem()), "kubiya-runner.yaml");
        var again = PolicyReportJson.Write(PolicyEngine.Evaluate(read2.Manifests), "kubiya-runner.yaml", read2.Problems, read2.LocationOf);

        Assert.Equal(first, again);
        using var doc = JsonDocument.Parse(first);
        var root = doc.RootElement;
        Assert.Equal(PolicyReportJson.Schema, root.GetProperty("schema").GetString());
        Assert.Equal(report.Errors, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.True(root.GetProperty("summary").GetProperty("hasErrors").GetBoolean());
        var f0 = root.GetProperty("findings")[0];
        Assert.Equal("error", f0.GetProperty("severity").GetString());
        Assert.Equal(
            ["ruleId", "severity", "object", "fieldPath", "message", "fix", "exceptionReason", "location"],
            f0.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("findings")
            .EnumerateArray().First(f => f.GetProperty("object").GetProperty("kind").GetString() == "ClusterRole")
            .GetProperty("object").GetProperty("namespace").ValueKind);
        var clusterRole = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "RB001");
        Assert.Equal(3, clusterRole.GetProperty("location").GetProperty("document").GetInt32());
        Assert.Equal(13, clusterRole.GetProperty("location").GetProperty("line").GetInt32());
    }
}
