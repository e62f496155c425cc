using RunnerConsole.Core.Policy;

namespace RunnerConsole.Core.Tests.Policy;

/// <summary>
/// A compact runner in the shape the renderer produces (one namespace, least privilege): it must pass with no error and
/// no warning, the dagger engine's privileges showing as accepted exceptions. Guards against false positives.
/// </summary>
public sealed class RunnerReferenceFixtureTests
{
    private static string Workload(string kind, string name, string image, string extraPod = "", string extraContainer = "", string? annotations = null, bool probes = true) => $$"""
        apiVersion: apps/v1
        kind: {{kind}}
        metadata:
          name: {{name}}
          namespace: kubiya
        {{(annotations is null ? "" : "  annotations: { " + annotations + " }")}}
        spec:
          selector: { matchLabels: { app: {{name}} } }
          template:
            metadata: { labels: { app: {{name}} } }
            spec:
              serviceAccountName: {{name}}
              automountServiceAccountToken: false
              securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: RuntimeDefault } }
        {{extraPod}}
              containers:
              - name: {{name}}
                image: {{image}}
                imagePullPolicy: IfNotPresent
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
                resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { cpu: 500m, memory: 256Mi } }
        {{(probes ? "        livenessProbe: { httpGet: { path: /healthz, port: 8080 } }\n        readinessProbe: { httpGet: { path: /readyz, port: 8080 } }" : "")}}
        {{extraContainer}}
        """;

    private static string Runner => string.Join("\n---\n",
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata: { name: kubiya-operator, namespace: kubiya }
        automountServiceAccountToken: false
        """,
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: kubiya-operator, namespace: kubiya }
        rules:
        - apiGroups: [""]
          resources: [configmaps, pods]
          verbs: [get, list, watch]
        - apiGroups: [""]
          resources: [secrets]
          resourceNames: [runner-nats-creds]
          verbs: [get]
        - apiGroups: [apps]
          resources: [deployments]
          verbs: [get, patch]
        """,
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: kubiya-operator, namespace: kubiya }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: kubiya-operator }
        subjects: [ { kind: ServiceAccount, name: kubiya-operator, namespace: kubiya } ]
        """,
        Workload("Deployment", "agent-manager", "ghcr.io/kubiyabot/agent-manager:v1.1.0",
            extraContainer: """
                    env:
                    - { name: LOG_LEVEL, value: info }
                    - { name: NATS_CREDS_FILE, value: /etc/nats/creds }
                    - name: KUBIYA_API_KEY
                      valueFrom: { secretKeyRef: { name: runner-api-key, key: api-key } }
            """),
        Workload("Deployment", "tool-manager", "ghcr.io/kubiyabot/tool-manager:v1.1.0",
            extraContainer: """
                  - name: sdk-server
                    image: ghcr.io/kubiyabot/sdk-server@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                    imagePullPolicy: IfNotPresent
                    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
                    resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { cpu: 250m, memory: 128Mi } }
                    livenessProbe: { tcpSocket: { port: 8081 } }
                    readinessProbe: { tcpSocket: { port: 8081 } }
            """),
        Workload("Deployment", "kubiya-operator", "ghcr.io/kubiyabot/kubiya-operator:v1.1.0").Replace("automountServiceAccountToken: false", "automountServiceAccountToken: true", StringComparison.Ordinal),
        Workload("StatefulSet", "dagger-engine", "registry.dagger.io/engine:v0.13.3",
            annotations: "runner-console.kubiya.ai/policy-exception: \"PS003, PS007, PS011; dagger engine runs BuildKit, which needs a privileged container\"")
            .Replace("allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,", "privileged: true,", StringComparison.Ordinal),
        """
        apiVersion: v1
        kind: Service
        metadata: { name: tool-manager, namespace: kubiya }
        spec:
          selector: { app: tool-manager }
          ports: [ { name: http, port: 80, targetPort: 8080 } ]
        """,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: otel-collector, namespace: kubiya }
        data:
          config.yaml: |
            receivers:
              otlp: { protocols: { grpc: {} } }
            exporters:
              otlphttp:
                endpoint: https://otel.kubiya.ai
                headers:
                  authorization: ${env:OTEL_AUTH_HEADER}
            extensions:
              bearertokenauth:
                token: ${env:OTEL_TOKEN}
            service:
              pipelines: { traces: { receivers: [otlp], exporters: [otlphttp] } }
        """,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: grafana-dashboard-runner, namespace: kubiya, labels: { grafana_dashboard: "1" } }
        data:
          runner.json: |
            {
              "title": "Kubiya runner",
              "panels": [
                { "title": "Tokens used", "type": "timeseries",
                  "targets": [ { "expr": "sum(rate(kubiya_llm_tokens_total[5m]))" } ] }
              ]
            }
        """,
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: runner-tls
          namespace: kubiya
          annotations: { runner-console.kubiya.ai/generated: per-install }
        type: kubernetes.io/tls
        stringData:
          tls.crt: placeholder
          tls.key: __KEY__
        """);

    [Fact]
    public void Evaluate_ReferenceRunner_PassesWithDaggerAsAcceptedException()
    {
        var yaml = Runner.Replace("__KEY__", "|\n    " + PolicyFixtures.FakePrivateKeyPem().TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal), StringComparison.Ordinal);
        var read = ManifestReader.Read(yaml, "runner.yaml");
        Assert.False(read.HasProblems, string.Join("\n", read.Problems));

        var report = PolicyEngine.Evaluate(read.Manifests);

        var unexpected = report.Findings.Where(f => f.Severity != PolicySeverity.AcceptedException)
            .Select(f => $"{f.RuleId} {f.Object} {f.FieldPath}: {f.Message}");
        Assert.Empty(unexpected);
        Assert.Equal(["PS003", "PS007", "PS011"], report.Findings.Select(f => f.RuleId));
        Assert.All(report.Findings, f => Assert.Equal("dagger-engine", f.Object.Name));
        Assert.Equal(11, report.ObjectCount);
    }
}
