using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>The namespace-scoped monitoring stack: kube-state-metrics, otel-collector config, blackbox probes, dashboards.</summary>
public sealed partial class MonitoringPropertyTests
{
    public static TheoryData<string> Variants => RenderFixture.Variants;

    [Fact]
    public void Render_KubeStateMetrics_IsLimitedToTheNamespaceWithARole()
    {
        var set = RenderFixture.Render(RenderFixture.Full);
        var args = set.Pod(RunnerComponents.KubeStateMetrics).Spec.Containers[0].Args;

        Assert.Contains($"--namespaces={RenderFixture.Namespace}", args);
        var resources = args.Single(a => a.StartsWith("--resources=", StringComparison.Ordinal))["--resources=".Length..].Split(',');
        string[] namespaced = ["pods", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs", "services", "endpoints", "configmaps", "secrets", "persistentvolumeclaims"];
        Assert.All(resources, r => Assert.Contains(r, namespaced));
        var role = set.Single<V1Role>($"{RenderFixture.Release}-kube-state-metrics");
        Assert.Equal(resources.Order(), role.Rules.SelectMany(r => r.Resources).Order());
        Assert.DoesNotContain(set, m => m.Kind == "ClusterRole" && m.Name.Contains("kube-state-metrics", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_OtelConfig_ScrapesOnlyRunnerJobsAtConfiguredInterval()
    {
        var set = RenderFixture.Render(RenderFixture.Full);
        var config = set.ConfigFile(RunnerComponents.OtelCollector, "config.yaml");
        var prometheus = config.Map("receivers", "prometheus", "config");

        Assert.Equal("15s", prometheus.At("global", "scrape_interval"));
        var jobs = prometheus.List("scrape_configs").Cast<Dictionary<object, object>>().ToList();
        Assert.Equal(
            ["agent-manager", "tool-manager", "kube-state-metrics", "blackbox-http-2xx", "blackbox-tcp-connect", "otel-collector"],
            jobs.Select(j => (string)j["job_name"]));
        foreach (var sd in jobs.Where(j => j.ContainsKey("kubernetes_sd_configs")).SelectMany(j => j.List("kubernetes_sd_configs")))
        {
            Assert.Equal([RenderFixture.Namespace], sd.List("namespaces", "names"));
            Assert.Contains($"app.kubernetes.io/instance={RenderFixture.Release}", (string)sd.List("selectors")[0].At("label"), StringComparison.Ordinal);
        }

        foreach (var target in jobs.Where(j => j.ContainsKey("static_configs")).SelectMany(j => j.List("static_configs")).SelectMany(c => c.List("targets")).Cast<string>())
        {
            Assert.True(target.Contains($".{RenderFixture.Namespace}.svc", StringComparison.Ordinal) || target.StartsWith("127.0.0.1:", StringComparison.Ordinal), target);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_BlackboxProbesEveryRunnerService(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));
        if (!RenderFixture.Variant(variant).Monitoring.BlackboxExporter.Enabled || !RenderFixture.Variant(variant).Monitoring.OtelCollector.Enabled)
        {
            Assert.DoesNotContain(set, m => m.ToYaml().Contains("/probe", StringComparison.Ordinal));
            return;
        }

        var config = set.ConfigFile(RunnerComponents.OtelCollector, "config.yaml");
        var probed = config.List("receivers", "prometheus", "config", "scrape_configs")
            .Where(j => ((string)j.At("job_name")).StartsWith("blackbox-", StringComparison.Ordinal))
            .SelectMany(j => j.List("static_configs")).SelectMany(c => c.List("targets")).Cast<string>().ToList();
        var modules = set.ConfigFile(RunnerComponents.BlackboxExporter, "blackbox.yml").Map("modules").Keys.Cast<string>().ToList();

        Assert.Contains("http_2xx", modules);
        Assert.Contains("tcp_connect", modules);
        Assert.Contains("grpc", modules);
        foreach (var service in set.OfType<V1Service>().Where(s => s.Metadata.Name != RunnerComponents.BlackboxExporter))
        {
            Assert.Contains(probed, t => t.Contains($"{service.Metadata.Name}.{RenderFixture.Namespace}.svc:", StringComparison.Ordinal));
        }

        foreach (var job in config.List("receivers", "prometheus", "config", "scrape_configs").Where(j => ((string)j.At("job_name")).StartsWith("blackbox-", StringComparison.Ordinal)))
        {
            Assert.All(job.List("params", "module").Cast<string>(), m => Assert.Contains(m, modules));
        }
    }

    [Fact]
    public void Render_OtelConfig_EnrichesWithNamespaceLimitedK8sAttributesAndRunnerLabels()
    {
        var set = RenderFixture.Render(RenderFixture.Full);
        var config = set.ConfigFile(RunnerComponents.OtelCollector, "config.yaml");

        Assert.Equal(RenderFixture.Namespace, config.At("processors", "k8sattributes", "filter", "namespace"));
        Assert.Contains("k8s.pod.name", config.List("processors", "k8sattributes", "extract", "metadata"));
        Assert.Contains("k8s.namespace.name", config.List("processors", "k8sattributes", "extract", "metadata"));
        Assert.Equal("component", config.List("processors", "k8sattributes", "extract", "labels")[0].At("tag_name"));
        var attributes = config.List("processors", "resource/runner", "attributes").ToDictionary(a => (string)a.At("key"), a => (string)a.At("value"));
        Assert.Equal("acme", attributes["organization"]);
        Assert.Equal("golden", attributes["runner"]);
        Assert.Equal("eu-west-1", attributes["cluster"]);
        var pipeline = config.Map("service", "pipelines", "metrics");
        Assert.Contains("k8sattributes", pipeline.List("processors"));
        Assert.Contains("resource/runner", pipeline.List("processors"));
        Assert.Equal(["prometheusremotewrite"], pipeline.List("exporters"));
    }

    [Fact]
    public void Render_OAuth2RemoteWrite_UsesOauth2ClientExtensionAndHealthCheck()
    {
        var set = RenderFixture.Render(RenderFixture.Full);
        var config = set.ConfigFile(RunnerComponents.OtelCollector, "config.yaml");

        Assert.Equal("https://prometheus.example.com/api/v1/write", config.At("exporters", "prometheusremotewrite", "endpoint"));
        Assert.Equal("oauth2client", config.At("exporters", "prometheusremotewrite", "auth", "authenticator"));
        var oauth = config.Map("extensions", "oauth2client");
        Assert.Equal("runner-metrics", oauth["client_id"]);
        Assert.Equal("${env:REMOTE_WRITE_CLIENT_SECRET}", oauth["client_secret"]);
        Assert.Equal("https://auth.example.com/oauth2/token", oauth["token_url"]);
        Assert.Equal(["metrics.write"], oauth.List("scopes"));
        Assert.Equal("prometheus", oauth.At("endpoint_params", "audience"));
        Assert.Equal(["health_check", "oauth2client"], config.List("service", "extensions"));
        var container = set.Pod(RunnerComponents.OtelCollector).Spec.Containers[0];
        Assert.Equal("health", container.LivenessProbe.HttpGet.Port.Value);
        Assert.Equal(13133, container.Ports.Single(p => p.Name == "health").ContainerPort);
    }

    [Fact]
    public void Render_OtelConfigChange_ChangesPodTemplateChecksum()
    {
        var values = RenderFixture.Full;
        var before = RenderFixture.Render(values);
        var after = RenderFixture.Render(values with
        {
            Monitoring = values.Monitoring with { OtelCollector = values.Monitoring.OtelCollector with { ScrapeInterval = "60s" } },
        });

        var checksumBefore = before.Pod(RunnerComponents.OtelCollector).Metadata.Annotations["checksum/config"];
        var checksumAfter = after.Pod(RunnerComponents.OtelCollector).Metadata.Annotations["checksum/config"];
        Assert.Matches("^[0-9a-f]{64}$", checksumBefore);
        Assert.NotEqual(checksumBefore, checksumAfter);
        Assert.Equal(
            before.Pod(RunnerComponents.BlackboxExporter).Metadata.Annotations["checksum/config"],
            after.Pod(RunnerComponents.BlackboxExporter).Metadata.Annotations["checksum/config"]);
    }

    [Fact]
    public void Render_ImageUpdater_IsNonRootForbidConcurrentWithDeploymentsGetPatchOnly()
    {
        var set = RenderFixture.Render(RenderFixture.Full);
        var cron = set.Single<V1CronJob>($"{RenderFixture.Release}-image-updater");

        Assert.Equal("30 3 * * *", cron.Spec.Schedule);
        Assert.Equal("Forbid", cron.Spec.ConcurrencyPolicy);
        Assert.NotNull(cron.Spec.SuccessfulJobsHistoryLimit);
        Assert.NotNull(cron.Spec.FailedJobsHistoryLimit);
        var pod = set.Pod(cron.Metadata.Name);
        Assert.All(pod.AllContainers, c => Assert.True(c.SecurityContext.RunAsNonRoot));
        Assert.Contains(pod.Spec.Containers, c => c.Image == "mirror.example.com/kubiya/kubectl:v1.35.0");
        var rule = Assert.Single(set.Single<V1Role>($"{RenderFixture.Release}-image-updater").Rules);
        Assert.Equal(["apps"], rule.ApiGroups);
        Assert.Equal(["deployments"], rule.Resources);
        Assert.Equal(["get", "patch"], rule.Verbs);
        Assert.Contains("https://versions.example.com/runner.json", pod.AllContainers.SelectMany(c => c.Env ?? []).Select(e => e.Value));
    }

    [Theory]
    [InlineData("full")]
    [InlineData("no-dagger")]
    public void Render_Healthchecks_PingsOnlyAfterEveryRunnerDeploymentIsAvailable(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));
        var cron = set.Single<V1CronJob>($"{RenderFixture.Release}-healthchecks");
        var pod = set.Pod(cron.Metadata.Name);

        var wait = Assert.Single(pod.Spec.InitContainers);
        Assert.Equal(["kubectl"], wait.Command);
        Assert.Contains("--for=condition=Available", wait.Args);
        var waitedFor = wait.Args.Where(a => a.StartsWith("deployment/", StringComparison.Ordinal)).Select(a => a["deployment/".Length..]).ToList();
        var runnerDeployments = set.OfType<V1Deployment>().Select(d => d.Metadata.Name)
            .Where(n => n is RunnerComponents.Operator or RunnerComponents.AgentManager or RunnerComponents.ToolManager or RunnerComponents.Dagger);
        Assert.Equal(runnerDeployments.Order(), waitedFor.Order());
        var ping = Assert.Single(pod.Spec.Containers);
        Assert.Contains("https://hc-ping.com/00000000-0000-0000-0000-000000000000", ping.Args);
        Assert.Contains("--fail", ping.Args);
        Assert.Equal("Never", pod.Spec.RestartPolicy);
        Assert.Equal(0, cron.Spec.JobTemplate.Spec.BackoffLimit);
        Assert.Equal("Forbid", cron.Spec.ConcurrencyPolicy);
    }

    [Fact]
    public void Render_HealthchecksEnabled_OverviewShowsHeartbeatRuns()
    {
        var overview = RenderFixture.Render(RenderFixture.Full).Single<V1ConfigMap>($"{RenderFixture.Release}-dashboard-runner-overview").Data["runner-overview.json"];
        var withoutHeartbeat = RenderFixture.Render(RenderFixture.Default).Single<V1ConfigMap>($"{RenderFixture.Release}-dashboard-runner-overview").Data["runner-overview.json"];

        Assert.Contains($"job_name=~\\\"{RenderFixture.Release}-healthchecks-.*\\\"", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("healthchecks", withoutHeartbeat, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HealthchecksDisabled_RendersNoHeartbeat()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        Assert.False(RenderFixture.Default.Monitoring.Healthchecks.Enabled);
        Assert.DoesNotContain(set, m => m.Object.Metadata.Labels["app.kubernetes.io/name"] == RunnerComponents.Healthchecks);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_DashboardPanelsOnlyQueryCollectedMetrics(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));
        var dashboards = set.OfType<V1ConfigMap>().Where(c => c.Metadata.Labels.TryGetValue("grafana_dashboard", out var v) && v == "1").ToList();
        if (!RenderFixture.Variant(variant).Monitoring.OtelCollector.Enabled)
        {
            Assert.Empty(dashboards);
            return;
        }

        Assert.Equal(3, dashboards.Count);
        var collected = CollectedMetrics(set.ConfigFile(RunnerComponents.OtelCollector, "config.yaml"));
        foreach (var configMap in dashboards)
        {
            using var json = JsonDocument.Parse(Assert.Single(configMap.Data).Value);
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("uid").GetString()));
            var panels = json.RootElement.GetProperty("panels").EnumerateArray().ToList();
            Assert.NotEmpty(panels);
            foreach (var panel in panels)
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    var expr = target.GetProperty("expr").GetString()!;
                    var metrics = MetricSelector().Matches(expr).Select(m => m.Groups[1].Value).ToList();
                    Assert.NotEmpty(metrics);
                    Assert.All(metrics, m => Assert.True(collected(m), $"{configMap.Metadata.Name}: '{panel.GetProperty("title")}' queries {m}, which the scrape config does not collect"));
                }
            }
        }
    }

    [Fact]
    public void Render_Dashboards_AreThreeNamedConfigMapsForTheSidecar()
    {
        var set = RenderFixture.Render(RenderFixture.Full);
        var dashboards = set.OfType<V1ConfigMap>().Where(c => c.Metadata.Labels.ContainsKey("grafana_dashboard")).ToList();

        Assert.Equal(["runner-overview.json", "agent-manager.json", "tool-manager.json"], dashboards.Select(d => Assert.Single(d.Data).Key));
        Assert.All(dashboards, d => Assert.Equal("Kubiya", d.Metadata.Annotations["grafana_folder"]));
        var overview = dashboards[0].Data["runner-overview.json"];
        Assert.Contains("probe_success", overview, StringComparison.Ordinal);
        Assert.Contains("kube_pod_status_ready", overview, StringComparison.Ordinal);
        Assert.Contains("kube_pod_container_status_restarts_total", overview, StringComparison.Ordinal);
    }

    /// <summary>
    /// Which metric names the scrape config yields: <c>up</c>/<c>scrape_*</c> for any job, <c>probe_*</c> when a
    /// blackbox job exists, and the kube-state-metrics families its keep rule lets through.
    /// </summary>
    private static Func<string, bool> CollectedMetrics(Dictionary<object, object> config)
    {
        var jobs = config.List("receivers", "prometheus", "config", "scrape_configs").Cast<Dictionary<object, object>>().ToList();
        var hasProbes = jobs.Any(j => j.TryGetValue("metrics_path", out var p) && (string)p == "/probe");
        var ksm = jobs.SingleOrDefault(j => (string)j["job_name"] == RunnerComponents.KubeStateMetrics);
        var keep = ksm is null ? null : new Regex("^(?:" + (string)ksm.List("metric_relabel_configs")[0].At("regex") + ")$");
        return metric =>
            (jobs.Count > 0 && (metric == "up" || metric.StartsWith("scrape_", StringComparison.Ordinal)))
            || (hasProbes && metric.StartsWith("probe_", StringComparison.Ordinal))
            || (keep is not null && metric.StartsWith("kube_", StringComparison.Ordinal) && keep.IsMatch(metric));
    }

    // A metric selector in PromQL as the dashboards write it: name{…}.
    [GeneratedRegex("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{")]
    private static partial Regex MetricSelector();
}
