using System.Text.RegularExpressions;
using RunnerConsole.Core.Catalog;

namespace RunnerConsole.Core.Values;

/// <summary>
/// Checks a <see cref="RunnerValues"/> and reports every problem at once, each naming its key path. The CLI and
/// the web form both call it, so a message reads the same everywhere.
/// </summary>
public static partial class ValuesValidator
{
    private const int MaxRunnerNameLength = 40;
    private const int MaxReplicas = 50;

    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] TaintEffects = ["", "NoSchedule", "PreferNoSchedule", "NoExecute"];

    // The runner adds these to every series itself; a user value would silently conflict.
    private static readonly string[] ReservedLabels = ["organization", "runner"];

    /// <summary>All errors of <paramref name="values"/>, checked against the built-in catalog; empty when it can be rendered.</summary>
    public static IReadOnlyList<ValuesError> Validate(RunnerValues values) => Validate(values, RunnerCatalog.Default);

    /// <summary>All errors of <paramref name="values"/>, with <c>version</c> checked against <paramref name="catalog"/>.</summary>
    public static IReadOnlyList<ValuesError> Validate(RunnerValues values, RunnerCatalog catalog)
    {
        var errors = new Errors();
        if (catalog.Resolve(values.Version) is null)
        {
            errors.Add("version", $"unknown runner version '{values.Version}'; known: {string.Join(", ", catalog.Versions.Select(v => v.Version))}");
        }

        Runner(values.Runner, errors);
        Cloud(values.Cloud, errors);
        Images(values.Images, errors);
        errors.Check("registryTls.existingSecret", values.RegistryTls.ExistingSecret, OptionalName);

        Pod("operator", values.Operator, values.Operator.Replicas, errors);
        Pod("agentManager", values.AgentManager, values.AgentManager.Replicas, errors);
        ToolManager(values.ToolManager, errors);
        Pod("dagger", values.Dagger, values.Dagger.Replicas, errors);
        ImageUpdater(values.ImageUpdater, errors);
        Monitoring(values.Monitoring, errors);
        return errors.List;
    }

    /// <summary>The errors at <paramref name="pathPrefix"/> or below it (for one form field or section).</summary>
    public static IReadOnlyList<ValuesError> Validate(RunnerValues values, string pathPrefix) =>
        [.. Validate(values).Where(e => IsUnder(e.Path, pathPrefix))];

    /// <summary>True when <paramref name="path"/> is <paramref name="prefix"/> or a key below it.</summary>
    public static bool IsUnder(string path, string prefix) =>
        prefix.Length == 0
        || path == prefix
        || (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path[prefix.Length] is '.' or '[');

    private static void Runner(RunnerIdentity runner, Errors errors)
    {
        if (runner.Name.Length == 0)
        {
            errors.Add("runner.name", "is required");
        }
        else
        {
            errors.Check("runner.name", runner.Name, n => KubernetesNames.CheckLabel(n, MaxRunnerNameLength));
        }

        if (runner.Organization.Length == 0)
        {
            errors.Add("runner.organization", "is required");
        }
        else if (!NatsToken().IsMatch(runner.Organization))
        {
            // It becomes a token of the NATS subject <organization>.<name>.incoming.
            errors.Add("runner.organization", "must not contain spaces, '.', '*' or '>' (it is part of the NATS subject)");
        }

        if (runner.Uuid.Length > 0 && !Guid.TryParseExact(runner.Uuid, "D", out _))
        {
            errors.Add("runner.uuid", $"must be a UUID such as 123e4567-e89b-12d3-a456-426614174000, got '{runner.Uuid}'");
        }

        errors.Check("runner.environment", runner.Environment, KubernetesNames.CheckLabelValue);
    }

    private static void Cloud(CloudValues cloud, Errors errors)
    {
        if (!Uri.TryCreate(cloud.NatsUrl, UriKind.Absolute, out var nats) || nats.Scheme is not ("tls" or "nats") || nats.Host.Length == 0)
        {
            errors.Add("cloud.natsUrl", "must be a tls:// or nats:// URL" + SchemeOf(cloud.NatsUrl));
        }

        if (cloud.Subject.Length > 0 && !NatsSubject().IsMatch(cloud.Subject))
        {
            errors.Add("cloud.subject", $"must be a NATS subject: tokens without spaces or wildcards separated by '.', got '{cloud.Subject}'");
        }

        Credentials("cloud.runnerCredentials", cloud.RunnerCredentials, errors);
        Credentials("cloud.customerCredentials", cloud.CustomerCredentials, errors);
    }

    private static void Credentials(string path, SecretSource source, Errors errors)
    {
        // The content is not checked: a credentials file is opaque here, and NATS rejects a bad one at connect time.
        Secret(path, source, required: true, errors);
    }

    private static void Secret(string path, SecretSource source, bool required, Errors errors)
    {
        if (source is { HasExistingSecret: true, HasValue: true })
        {
            errors.Add(path, "give exactly one of existingSecret or value, not both");
        }
        else if (required && source.IsEmpty)
        {
            errors.Add(path, "is required: give existingSecret (name of a Secret in the namespace) or value");
        }

        errors.Check(path + ".existingSecret", source.ExistingSecret, OptionalName);
        if (source.Key.Length > 0)
        {
            if (!source.HasExistingSecret)
            {
                errors.Add(path + ".key", "is only used together with existingSecret");
            }

            errors.Check(path + ".key", source.Key, KubernetesNames.CheckDataKey);
        }
    }

    private static void Images(ImagesValues images, Errors errors)
    {
        if (images.Registry.Length > 0 && !RegistryHost().IsMatch(images.Registry))
        {
            errors.Add("images.registry", $"must be a registry host with optional port and path, such as mirror.example.com:5000/kubiya (no scheme), got '{images.Registry}'");
        }

        for (var i = 0; i < images.PullSecrets.Count; i++)
        {
            errors.Check($"images.pullSecrets[{i}]", images.PullSecrets[i], KubernetesNames.CheckSubdomain);
            if (images.PullSecrets.Take(i).Contains(images.PullSecrets[i], StringComparer.Ordinal))
            {
                errors.Add($"images.pullSecrets[{i}]", $"'{images.PullSecrets[i]}' is listed twice");
            }
        }

        if (!PullPolicies.Contains(images.PullPolicy, StringComparer.Ordinal))
        {
            errors.Add("images.pullPolicy", $"must be one of {string.Join(", ", PullPolicies)}, got '{images.PullPolicy}'");
        }
    }

    private static void ToolManager(ToolManagerValues toolManager, Errors errors)
    {
        Pod("toolManager", toolManager, toolManager.Replicas, errors);
        Container("toolManager.sdkServer", toolManager.SdkServer, errors);
        errors.Check("toolManager.toolTimeout", toolManager.ToolTimeout, CheckPositiveDuration);
        errors.Check("toolManager.longRunningToolTimeout", toolManager.LongRunningToolTimeout, CheckPositiveDuration);
        if (!Enum.IsDefined(toolManager.ClusterAccess))
        {
            errors.Add("toolManager.clusterAccess", "must be one of " + string.Join(", ", ValuesModel.EnumNames(typeof(ClusterAccess))));
        }
    }

    private static void ImageUpdater(ImageUpdaterValues updater, Errors errors)
    {
        Pod("imageUpdater", updater, replicas: null, errors);
        errors.Check("imageUpdater.schedule", updater.Schedule, CronSchedule.Check);
        if (updater.Enabled && updater.VersionsUrl.Length == 0)
        {
            errors.Add("imageUpdater.versionsUrl", "is required when imageUpdater.enabled is true");
        }

        errors.Check("imageUpdater.versionsUrl", updater.VersionsUrl, OptionalHttps);
    }

    private static void Monitoring(MonitoringValues monitoring, Errors errors)
    {
        Pod("monitoring.kubeStateMetrics", monitoring.KubeStateMetrics, monitoring.KubeStateMetrics.Replicas, errors);
        Pod("monitoring.blackboxExporter", monitoring.BlackboxExporter, monitoring.BlackboxExporter.Replicas, errors);
        OtelCollector(monitoring.OtelCollector, errors);

        var dashboards = monitoring.Dashboards;
        if (dashboards.Enabled && dashboards.Labels.Count == 0)
        {
            errors.Add("monitoring.dashboards.labels", "needs at least one label, or the Grafana sidecar never finds the dashboards");
        }

        Labels("monitoring.dashboards.labels", dashboards.Labels, errors);

        var healthchecks = monitoring.Healthchecks;
        Pod("monitoring.healthchecks", healthchecks, replicas: null, errors);
        Image("monitoring.healthchecks.kubectlImage", healthchecks.KubectlImage, errors);
        errors.Check("monitoring.healthchecks.schedule", healthchecks.Schedule, CronSchedule.Check);
        if (healthchecks.Enabled && healthchecks.PingUrl.Length == 0)
        {
            errors.Add("monitoring.healthchecks.pingUrl", "is required when monitoring.healthchecks.enabled is true");
        }

        errors.Check("monitoring.healthchecks.pingUrl", healthchecks.PingUrl, OptionalHttps);
    }

    private static void OtelCollector(OtelCollectorValues otel, Errors errors)
    {
        const string path = "monitoring.otelCollector";
        Pod(path, otel, otel.Replicas, errors);
        if (GoDuration.Parse(otel.ScrapeInterval) is not { } interval)
        {
            errors.Add(path + ".scrapeInterval", $"must be a duration such as 30s, got '{otel.ScrapeInterval}'");
        }
        else if (interval < TimeSpan.FromSeconds(15) || interval > TimeSpan.FromSeconds(60))
        {
            errors.Add(path + ".scrapeInterval", $"must be between 15s and 60s, got {otel.ScrapeInterval}");
        }

        foreach (var (name, _) in otel.ExternalLabels)
        {
            var labelPath = $"{path}.externalLabels[{name}]";
            if (!PrometheusLabel().IsMatch(name) || name.StartsWith("__", StringComparison.Ordinal))
            {
                errors.Add(labelPath, "must be a Prometheus label name: letters, digits and '_', not starting with a digit or '__'");
            }
            else if (ReservedLabels.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(labelPath, $"is set by the runner itself; choose another name than {string.Join(" or ", ReservedLabels)}");
            }
        }

        RemoteWrite(path + ".remoteWrite", otel.RemoteWrite, errors);
    }

    private static void RemoteWrite(string path, RemoteWriteValues remoteWrite, Errors errors)
    {
        errors.Check(path + ".url", remoteWrite.Url, OptionalHttps);
        var auth = remoteWrite.Auth;
        var authPath = path + ".auth";
        if (auth.Type != RemoteWriteAuthType.None && remoteWrite.Url.Length == 0)
        {
            errors.Add(path + ".url", $"is required when auth.type is {ValuesModel.EnumName(auth.Type)}");
        }

        if (!Enum.IsDefined(auth.Type))
        {
            errors.Add(authPath + ".type", "must be one of " + string.Join(", ", ValuesModel.EnumNames(typeof(RemoteWriteAuthType))));
        }

        // Only the block auth.type names is used; a filled-in other block is almost always a forgotten switch.
        Unused(authPath, "basic", RemoteWriteAuthType.Basic, auth.Type, auth.Basic == new BasicAuthValues(), errors);
        Unused(authPath, "bearer", RemoteWriteAuthType.Bearer, auth.Type, auth.Bearer == new BearerAuthValues(), errors);
        Unused(authPath, "oauth2", RemoteWriteAuthType.OAuth2, auth.Type, IsDefault(auth.OAuth2), errors);

        switch (auth.Type)
        {
            case RemoteWriteAuthType.Basic:
                if (auth.Basic.Username.Length == 0)
                {
                    errors.Add(authPath + ".basic.username", "is required when auth.type is basic");
                }

                Secret(authPath + ".basic.password", auth.Basic.Password, required: true, errors);
                break;
            case RemoteWriteAuthType.Bearer:
                Secret(authPath + ".bearer.token", auth.Bearer.Token, required: true, errors);
                break;
            case RemoteWriteAuthType.OAuth2:
                var oauth = auth.OAuth2;
                if (oauth.ClientId.Length == 0)
                {
                    errors.Add(authPath + ".oauth2.clientId", "is required when auth.type is oauth2");
                }

                Secret(authPath + ".oauth2.clientSecret", oauth.ClientSecret, required: true, errors);
                if (oauth.TokenUrl.Length == 0)
                {
                    errors.Add(authPath + ".oauth2.tokenUrl", "is required when auth.type is oauth2");
                }

                errors.Check(authPath + ".oauth2.tokenUrl", oauth.TokenUrl, OptionalHttps);
                for (var i = 0; i < oauth.Scopes.Count; i++)
                {
                    if (oauth.Scopes[i].Length == 0 || oauth.Scopes[i].Any(char.IsWhiteSpace))
                    {
                        errors.Add($"{authPath}.oauth2.scopes[{i}]", "must be a non-empty scope without spaces");
                    }
                }

                foreach (var name in oauth.EndpointParams.Keys.Where(k => k.Trim().Length == 0))
                {
                    errors.Add($"{authPath}.oauth2.endpointParams[{name}]", "parameter names must not be empty");
                }

                break;
        }
    }

    private static bool IsDefault(OAuth2Values oauth) =>
        oauth.ClientId.Length == 0 && oauth.ClientSecret.IsEmpty && oauth.TokenUrl.Length == 0
        && oauth.Scopes.Count == 0 && oauth.EndpointParams.Count == 0;

    private static void Unused(string authPath, string block, RemoteWriteAuthType blockType, RemoteWriteAuthType selected, bool isDefault, Errors errors)
    {
        if (!isDefault && selected != blockType)
        {
            errors.Add($"{authPath}.{block}", $"is set but auth.type is {ValuesModel.EnumName(selected)}; set auth.type to {block} or remove it");
        }
    }

    private static void Pod(string path, PodValues pod, int? replicas, Errors errors)
    {
        Container(path, pod, errors);
        if (replicas is { } count && count is < 1 or > MaxReplicas)
        {
            errors.Add(path + ".replicas", $"must be between 1 and {MaxReplicas}, got {count}");
        }

        errors.Check(path + ".serviceAccount.name", pod.ServiceAccount.Name, OptionalName);
        Labels(path + ".nodeSelector", pod.NodeSelector, errors);
        foreach (var (key, _) in pod.PodAnnotations)
        {
            errors.Check($"{path}.podAnnotations[{key}]", key, KubernetesNames.CheckQualifiedName);
        }

        for (var i = 0; i < pod.Tolerations.Count; i++)
        {
            Toleration($"{path}.tolerations[{i}]", pod.Tolerations[i], errors);
        }
    }

    private static void Container(string path, ContainerValues container, Errors errors)
    {
        Image(path + ".image", container.Image, errors);
        Quantities(path + ".resources.requests", container.Resources.Requests, errors);
        Quantities(path + ".resources.limits", container.Resources.Limits, errors);

        var requests = container.Resources.Requests;
        var limits = container.Resources.Limits;
        if (Quantity.Parse(requests.Cpu) is { } cpuRequest && Quantity.Parse(limits.Cpu) is { } cpuLimit && cpuRequest > cpuLimit)
        {
            errors.Add(path + ".resources.requests.cpu", $"request {requests.Cpu} is above the limit {limits.Cpu}");
        }

        if (Quantity.Parse(requests.Memory) is { } memoryRequest && Quantity.Parse(limits.Memory) is { } memoryLimit && memoryRequest > memoryLimit)
        {
            errors.Add(path + ".resources.requests.memory", $"request {requests.Memory} is above the limit {limits.Memory}");
        }
    }

    private static void Image(string path, ImageValues image, Errors errors)
    {
        if (image.Repository.Length == 0)
        {
            errors.Add(path + ".repository", "is required");
        }
        else if (!Repository().IsMatch(image.Repository))
        {
            errors.Add(path + ".repository", $"must be an image repository without tag, such as ghcr.io/kubiyabot/agent-manager, got '{image.Repository}'");
        }

        if (image.Tag == "latest")
        {
            errors.Add(path + ".tag", "must be pinned; 'latest' moves under a running install (leave it empty to use the catalog's pinned tag)");
        }
        else if (image.Tag.Length > 0 && !Tag().IsMatch(image.Tag))
        {
            errors.Add(path + ".tag", $"must be an image tag: up to 128 letters, digits, '_', '.' and '-', got '{image.Tag}'");
        }

        if (image.Digest.Length > 0 && !Digest().IsMatch(image.Digest))
        {
            errors.Add(path + ".digest", "must be a digest such as sha256: followed by 64 hex digits");
        }
    }

    private static void Quantities(string path, ResourceQuantities quantities, Errors errors)
    {
        errors.Check(path + ".cpu", quantities.Cpu, Quantity.CheckCpu);
        errors.Check(path + ".memory", quantities.Memory, Quantity.CheckMemory);
    }

    private static void Labels(string path, IReadOnlyDictionary<string, string> labels, Errors errors)
    {
        foreach (var (key, value) in labels)
        {
            var labelPath = $"{path}[{key}]";
            errors.Check(labelPath, key, KubernetesNames.CheckQualifiedName);
            errors.Check(labelPath, value, KubernetesNames.CheckLabelValue);
        }
    }

    private static void Toleration(string path, Toleration toleration, Errors errors)
    {
        if (toleration.Operator is not ("Equal" or "Exists"))
        {
            errors.Add(path + ".operator", $"must be Equal or Exists, got '{toleration.Operator}'");
        }
        else if (toleration.Operator == "Exists" && toleration.Value.Length > 0)
        {
            errors.Add(path + ".value", "must be empty when operator is Exists");
        }
        else if (toleration.Operator == "Equal" && toleration.Key.Length == 0)
        {
            errors.Add(path + ".key", "is required when operator is Equal");
        }

        if (toleration.Key.Length > 0)
        {
            errors.Check(path + ".key", toleration.Key, KubernetesNames.CheckQualifiedName);
        }

        if (!TaintEffects.Contains(toleration.Effect, StringComparer.Ordinal))
        {
            errors.Add(path + ".effect", $"must be NoSchedule, PreferNoSchedule, NoExecute or empty, got '{toleration.Effect}'");
        }

        if (toleration.TolerationSeconds is not null && toleration.Effect != "NoExecute")
        {
            errors.Add(path + ".tolerationSeconds", "is only used with effect NoExecute");
        }
    }

    private static string? OptionalName(string name) => name.Length == 0 ? null : KubernetesNames.CheckSubdomain(name);

    private static string? OptionalHttps(string url) =>
        url.Length == 0
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0)
            ? null
            : "must be an https:// URL" + SchemeOf(url);

    // URLs can carry credentials (user:password@, tokens in the path or query): messages name only the scheme.
    private static string SchemeOf(string url)
    {
        var colon = url.IndexOf("://", StringComparison.Ordinal);
        return colon > 0 && url[..colon].All(char.IsAsciiLetterOrDigit) ? $", got {url[..colon]}://…" : "";
    }

    private static string? CheckPositiveDuration(string text) =>
        GoDuration.Parse(text) is { } d && d > TimeSpan.Zero ? null : $"must be a duration such as 30s, 5m or 1h30m, got '{text}'";

    [GeneratedRegex("^[^\\s.*>]+$")]
    private static partial Regex NatsToken();

    [GeneratedRegex("^[^\\s.*>]+(\\.[^\\s.*>]+)*$")]
    private static partial Regex NatsSubject();

    [GeneratedRegex("^[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$")]
    private static partial Regex RegistryHost();

    [GeneratedRegex("^([a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?(:[0-9]{1,5})?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$")]
    private static partial Regex Repository();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex Tag();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex PrometheusLabel();

    private sealed class Errors
    {
        public List<ValuesError> List { get; } = [];

        public void Add(string path, string message) => List.Add(new ValuesError(path, message));

        /// <summary>Runs <paramref name="rule"/> on a non-empty value; empty values are "not set" and pass.</summary>
        public void Check(string path, string value, Func<string, string?> rule)
        {
            if (value.Length > 0 && rule(value) is { } message)
            {
                Add(path, message);
            }
        }
    }
}
