using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Rendering;

/// <summary>
/// The otel-collector configuration: a Prometheus receiver scraping only the runner (its pods, kube-state-metrics,
/// blackbox probes), k8sattributes limited to the namespace, runner identity labels, and remote write with the
/// chosen authentication.
/// </summary>
internal static class OtelCollectorConfig
{
    public const string HealthPort = "13133";
    public const string MetricsPort = "8888";

    /// <summary>Environment variables the config reads secrets from, so no secret is ever in the ConfigMap.</summary>
    public const string PasswordEnv = "REMOTE_WRITE_PASSWORD";
    public const string TokenEnv = "REMOTE_WRITE_TOKEN";
    public const string ClientSecretEnv = "REMOTE_WRITE_CLIENT_SECRET";

    public static string Render(RenderScope s, ScrapePlan plan)
    {
        var otel = s.Values.Monitoring.OtelCollector;
        var auth = otel.RemoteWrite.Auth;
        var remoteWrite = otel.RemoteWrite.Url.Length > 0;
        var authenticator = remoteWrite ? AuthenticatorName(auth.Type) : null;

        var extensions = new YamlMap
        {
            ["health_check"] = new YamlMap { ["endpoint"] = $"${{env:POD_IP}}:{HealthPort}" },
        };
        if (authenticator is not null)
        {
            extensions[authenticator] = AuthExtension(auth);
        }

        var processors = new YamlMap
        {
            ["memory_limiter"] = new YamlMap { ["check_interval"] = "1s", ["limit_percentage"] = 80, ["spike_limit_percentage"] = 25 },
            // Scraped pods are known by IP only; copying it to k8s.pod.ip lets k8sattributes find the pod.
            ["resource/pod-ip"] = new YamlMap
            {
                ["attributes"] = new List<object>
                {
                    new YamlMap { ["key"] = "k8s.pod.ip", ["from_attribute"] = "server.address", ["action"] = "insert" },
                },
            },
            ["k8sattributes"] = K8sAttributes(s),
            ["resource/runner"] = new YamlMap { ["attributes"] = RunnerAttributes(s) },
            ["batch"] = new YamlMap { ["timeout"] = "10s", ["send_batch_size"] = 1024 },
        };

        var exporters = new YamlMap();
        string exporter;
        if (remoteWrite)
        {
            exporter = "prometheusremotewrite";
            var rw = new YamlMap
            {
                ["endpoint"] = otel.RemoteWrite.Url,
                // Resource attributes (organization, runner, k8s metadata) become labels of every series.
                ["resource_to_telemetry_conversion"] = new YamlMap { ["enabled"] = true },
                ["retry_on_failure"] = new YamlMap { ["enabled"] = true, ["max_elapsed_time"] = "5m" },
            };
            if (authenticator is not null)
            {
                rw["auth"] = new YamlMap { ["authenticator"] = authenticator };
            }

            exporters[exporter] = rw;
        }
        else
        {
            // Without a remote-write URL the pipeline still needs an exporter; debug keeps it visible in the logs.
            exporter = "debug";
            exporters[exporter] = new YamlMap { ["verbosity"] = "basic" };
        }

        var config = new YamlMap
        {
            ["extensions"] = extensions,
            ["receivers"] = new YamlMap
            {
                ["prometheus"] = new YamlMap
                {
                    ["config"] = new YamlMap
                    {
                        ["global"] = new YamlMap { ["scrape_interval"] = otel.ScrapeInterval, ["scrape_timeout"] = "10s" },
                        ["scrape_configs"] = ScrapeConfigs(s, plan),
                    },
                },
            },
            ["processors"] = processors,
            ["exporters"] = exporters,
            ["service"] = new YamlMap
            {
                ["extensions"] = authenticator is null ? new List<object> { "health_check" } : new List<object> { "health_check", authenticator },
                ["pipelines"] = new YamlMap
                {
                    ["metrics"] = new YamlMap
                    {
                        ["receivers"] = new List<object> { "prometheus" },
                        ["processors"] = new List<object> { "memory_limiter", "resource/pod-ip", "k8sattributes", "resource/runner", "batch" },
                        ["exporters"] = new List<object> { exporter },
                    },
                },
                ["telemetry"] = new YamlMap
                {
                    ["metrics"] = new YamlMap
                    {
                        ["readers"] = new List<object>
                        {
                            new YamlMap
                            {
                                ["pull"] = new YamlMap
                                {
                                    ["exporter"] = new YamlMap
                                    {
                                        ["prometheus"] = new YamlMap { ["host"] = "127.0.0.1", ["port"] = int.Parse(MetricsPort, System.Globalization.CultureInfo.InvariantCulture) },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        };
        return ConfigYaml.Serialize(config);
    }

    /// <summary>Name of the auth extension for <paramref name="type"/>, or null for none.</summary>
    public static string? AuthenticatorName(RemoteWriteAuthType type) => type switch
    {
        RemoteWriteAuthType.Basic => "basicauth/remote-write",
        RemoteWriteAuthType.Bearer => "bearertokenauth/remote-write",
        RemoteWriteAuthType.OAuth2 => "oauth2client",
        _ => null,
    };

    private static YamlMap AuthExtension(RemoteWriteAuthValues auth) => auth.Type switch
    {
        RemoteWriteAuthType.Basic => new YamlMap
        {
            ["client_auth"] = new YamlMap { ["username"] = auth.Basic.Username, ["password"] = $"${{env:{PasswordEnv}}}" },
        },
        RemoteWriteAuthType.Bearer => new YamlMap { ["token"] = $"${{env:{TokenEnv}}}" },
        _ => new YamlMap
        {
            ["client_id"] = auth.OAuth2.ClientId,
            ["client_secret"] = $"${{env:{ClientSecretEnv}}}",
            ["token_url"] = auth.OAuth2.TokenUrl,
        }
            .AddIf(auth.OAuth2.Scopes.Count > 0, "scopes", () => auth.OAuth2.Scopes.ToList<object>())
            .AddIf(auth.OAuth2.EndpointParams.Count > 0, "endpoint_params", () => Sorted(auth.OAuth2.EndpointParams)),
    };

    private static YamlMap K8sAttributes(RenderScope s) => new()
    {
        ["auth_type"] = "serviceAccount",
        ["passthrough"] = false,
        // Only this namespace: the Role grants nothing else, and the runner must not see other workloads.
        ["filter"] = new YamlMap { ["namespace"] = s.Namespace },
        ["extract"] = new YamlMap
        {
            ["metadata"] = new List<object> { "k8s.namespace.name", "k8s.pod.name", "k8s.deployment.name", "k8s.node.name" },
            ["labels"] = new List<object>
            {
                new YamlMap { ["tag_name"] = "component", ["key"] = "app.kubernetes.io/name", ["from"] = "pod" },
            },
        },
        ["pod_association"] = new List<object>
        {
            new YamlMap { ["sources"] = new List<object> { new YamlMap { ["from"] = "resource_attribute", ["name"] = "k8s.pod.ip" } } },
        },
    };

    private static List<object> RunnerAttributes(RenderScope s)
    {
        var labels = new List<(string Key, string Value)>
        {
            ("organization", s.Values.Runner.Organization),
            ("runner", s.Values.Runner.Name),
        };
        if (s.Values.Runner.Environment.Length > 0)
        {
            labels.Add(("environment", s.Values.Runner.Environment));
        }

        foreach (var (key, value) in s.Values.Monitoring.OtelCollector.ExternalLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!labels.Exists(l => l.Key == key))
            {
                labels.Add((key, value));
            }
        }

        return [.. labels.Select(l => (object)new YamlMap { ["key"] = l.Key, ["value"] = l.Value, ["action"] = "upsert" })];
    }

    private static List<object> ScrapeConfigs(RenderScope s, ScrapePlan plan)
    {
        var jobs = new List<object>();
        foreach (var component in plan.AppJobs)
        {
            jobs.Add(PodJob(s, component));
        }

        if (s.KubeStateMetricsEnabled)
        {
            jobs.Add(new YamlMap
            {
                ["job_name"] = RunnerComponents.KubeStateMetrics,
                // The series describe other pods: their namespace/pod labels must win over the scrape target's.
                ["honor_labels"] = true,
                ["static_configs"] = new List<object>
                {
                    new YamlMap
                    {
                        ["targets"] = new List<object> { $"{s.ServiceHost(RunnerComponents.KubeStateMetrics)}:8080" },
                        ["labels"] = new YamlMap { ["component"] = RunnerComponents.KubeStateMetrics },
                    },
                },
                ["metric_relabel_configs"] = new List<object>
                {
                    new YamlMap
                    {
                        ["source_labels"] = new List<object> { "__name__" },
                        ["action"] = "keep",
                        ["regex"] = string.Join('|', ScrapePlan.KubeStateMetricsFamilies),
                    },
                },
            });
        }

        foreach (var module in new[] { ScrapePlan.HttpModule, ScrapePlan.TcpModule, ScrapePlan.GrpcModule })
        {
            var targets = plan.Probes.Where(p => p.Module == module).ToList();
            if (targets.Count > 0)
            {
                jobs.Add(ProbeJob(s, module, targets));
            }
        }

        jobs.Add(new YamlMap
        {
            ["job_name"] = RunnerComponents.OtelCollector,
            ["static_configs"] = new List<object>
            {
                new YamlMap
                {
                    ["targets"] = new List<object> { $"127.0.0.1:{MetricsPort}" },
                    ["labels"] = new YamlMap { ["component"] = RunnerComponents.OtelCollector },
                },
            },
        });
        return jobs;
    }

    /// <summary>Pods of one component of this release, found through the API (namespace-limited) and scraped on their <c>http</c> port.</summary>
    private static YamlMap PodJob(RenderScope s, string component) => new()
    {
        ["job_name"] = component,
        ["metrics_path"] = "/metrics",
        ["kubernetes_sd_configs"] = new List<object>
        {
            new YamlMap
            {
                ["role"] = "pod",
                ["namespaces"] = new YamlMap { ["names"] = new List<object> { s.Namespace } },
                ["selectors"] = new List<object>
                {
                    new YamlMap
                    {
                        ["role"] = "pod",
                        ["label"] = $"app.kubernetes.io/name={component},app.kubernetes.io/instance={s.Release}",
                    },
                },
            },
        },
        ["relabel_configs"] = new List<object>
        {
            new YamlMap { ["source_labels"] = new List<object> { "__meta_kubernetes_pod_container_port_name" }, ["action"] = "keep", ["regex"] = "http" },
            new YamlMap { ["source_labels"] = new List<object> { "__meta_kubernetes_namespace" }, ["target_label"] = "namespace" },
            new YamlMap { ["source_labels"] = new List<object> { "__meta_kubernetes_pod_name" }, ["target_label"] = "pod" },
            new YamlMap { ["source_labels"] = new List<object> { "__meta_kubernetes_pod_label_app_kubernetes_io_name" }, ["target_label"] = "component" },
        },
    };

    /// <summary>The multi-target exporter pattern: the probed address becomes the <c>target</c> parameter and the instance label.</summary>
    private static YamlMap ProbeJob(RenderScope s, string module, List<ProbeTarget> targets) => new()
    {
        ["job_name"] = $"blackbox-{module.Replace('_', '-')}",
        ["metrics_path"] = "/probe",
        ["params"] = new YamlMap { ["module"] = new List<object> { module } },
        ["static_configs"] = targets.Select(t => (object)new YamlMap
        {
            ["targets"] = new List<object> { t.Target },
            ["labels"] = new YamlMap { ["component"] = t.Component, ["namespace"] = s.Namespace },
        }).ToList(),
        ["relabel_configs"] = new List<object>
        {
            new YamlMap { ["source_labels"] = new List<object> { "__address__" }, ["target_label"] = "__param_target" },
            new YamlMap { ["source_labels"] = new List<object> { "__param_target" }, ["target_label"] = "instance" },
            new YamlMap { ["target_label"] = "__address__", ["replacement"] = $"{s.ServiceHost(RunnerComponents.BlackboxExporter)}:9115" },
        },
    };

    private static YamlMap Sorted(IReadOnlyDictionary<string, string> map)
    {
        var result = new YamlMap();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }
}
