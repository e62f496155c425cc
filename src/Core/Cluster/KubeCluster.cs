using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Cluster;

/// <summary>Connection settings beyond the kubeconfig.</summary>
public sealed record KubeClusterOptions
{
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Longest a single request (all retries included) may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Extra handlers, outermost first (request counting, tracing in tests).</summary>
    public IReadOnlyList<DelegatingHandler> Handlers { get; init; } = [];

    /// <summary>Called with a step name as each step of connecting ends (the opt-in timing trace).</summary>
    public Action<string>? OnStep { get; init; }
}

/// <summary><see cref="IKubeCluster"/> over KubernetesClient's connection (auth, TLS) with raw REST calls and discovery.</summary>
public sealed class KubeCluster : IKubeCluster, IDisposable
{
    private readonly Kubernetes _client;
    private readonly KubeClusterOptions _options;
    private readonly ServerTrust _trust;
    private readonly ConnectionDiagnosis _diagnosis;
    private readonly ConcurrentDictionary<string, Lazy<Task<Dictionary<string, (string Plural, bool Namespaced)>>>> _discovery = new();

    private KubeCluster(ClusterConnection connection, string name, KubeClusterOptions options)
    {
        _options = options;
        Name = name;
        var config = connection.Config;
        DefaultNamespace = config.Namespace;
        var handlers = options.Handlers.Concat(connection.Handlers).Append(new RetryHandler(options.Retry, options.Time)).ToArray();
        config.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        _trust = connection.Trust;
        _diagnosis = connection.Diagnosis;
        _client = new Kubernetes(config, handlers);
    }

    public string Name { get; }

    /// <summary>The namespace the kubeconfig context names, if any.</summary>
    public string? DefaultNamespace { get; }

    /// <summary>Connects with a kubeconfig file (default: $KUBECONFIG or ~/.kube/config) and context (default: current).</summary>
    public static KubeCluster FromKubeconfig(string? path, string? context, KubeClusterOptions? options = null)
    {
        options ??= new KubeClusterOptions();
        var file = path ?? KubeconfigContexts.DefaultPath(Environment.GetEnvironmentVariable);
        var connection = ClusterConnection.FromKubeconfig(file, context, options.Time);
        options.OnStep?.Invoke("kubeconfig read, context resolved");
        var cluster = new KubeCluster(connection, context ?? connection.Config.CurrentContext ?? connection.Config.Host, options);
        options.OnStep?.Invoke("API client");
        return cluster;
    }

    /// <summary>Connects with the pod's service account.</summary>
    public static KubeCluster InCluster(KubeClusterOptions? options = null)
    {
        options ??= new KubeClusterOptions();
        return new(ClusterConnection.InCluster(options.Time), "in-cluster", options);
    }

    public async Task<JsonObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var path = await PathOfAsync(key, withName: true, cancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken);
        return status == HttpStatusCode.NotFound ? null : Parse(status, body, key);
    }

    public async Task<IReadOnlyList<JsonObject>> ListAsync(string apiVersion, string kind, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        var path = await CollectionPathAsync(apiVersion, kind, ns, cancellationToken);
        if (labelSelector is not null)
        {
            path += "?labelSelector=" + Uri.EscapeDataString(labelSelector);
        }

        var (status, body) = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken);
        var list = Parse(status, body, null);
        var items = list["items"] as JsonArray ?? [];
        return [.. items.OfType<JsonObject>().Select(item =>
        {
            // Lists omit kind and apiVersion on items.
            var copy = item.DeepClone().AsObject();
            copy["kind"] ??= kind;
            copy["apiVersion"] ??= apiVersion;
            return copy;
        })];
    }

    public async Task<IReadOnlySet<string>> ListNamesAsync(string apiVersion, string kind, string? ns, CancellationToken cancellationToken)
    {
        var path = await CollectionPathAsync(apiVersion, kind, ns, cancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken, MetadataListAccept);
        var items = Parse(status, body, null)["items"] as JsonArray ?? [];
        return items.Select(item => item?["metadata"]?["name"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private static readonly MediaTypeWithQualityHeaderValue JsonAccept = new("application/json");

    // Metadata only when the server offers it, else the plain list (the order is the preference).
    private static readonly MediaTypeWithQualityHeaderValue[] MetadataListAccept =
    [
        MediaTypeWithQualityHeaderValue.Parse("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"),
        JsonAccept,
    ];

    // The path of a kind's collection: in the namespace for a namespaced kind, cluster-wide otherwise.
    private async Task<string> CollectionPathAsync(string apiVersion, string kind, string? ns, CancellationToken cancellationToken)
    {
        var (plural, namespaced) = await ResolveAsync(apiVersion, kind, cancellationToken);
        return JoinPath(apiVersion, plural, namespaced ? ns : null);
    }

    /// <summary><c>/api[s]/VERSION[/namespaces/NS]/PLURAL</c>: a collection, in one namespace when <paramref name="ns"/> is given.</summary>
    private static string JoinPath(string apiVersion, string plural, string? ns) =>
        Prefix(apiVersion) + (ns is null ? string.Empty : "/namespaces/" + Uri.EscapeDataString(ns)) + "/" + plural;

    public async Task<JsonObject> ApplyAsync(JsonObject obj, ApplyOptions options, CancellationToken cancellationToken)
    {
        var key = KubeObjects.KeyOf(obj);
        var path = await PathOfAsync(key, withName: true, cancellationToken)
            + "?fieldManager=" + Uri.EscapeDataString(options.FieldManager)
            + (options.Force ? "&force=true" : string.Empty)
            + (options.DryRun ? "&dryRun=All" : string.Empty);
        // JSON is YAML: the apply body needs no YAML serialiser.
        var (status, body) = await SendAsync(HttpMethod.Patch, path, obj.ToJsonString(), "application/apply-patch+yaml", cancellationToken);
        return Parse(status, body, key);
    }

    public async Task<JsonObject> CreateAsync(JsonObject obj, CancellationToken cancellationToken)
    {
        var key = KubeObjects.KeyOf(obj);
        var path = await PathOfAsync(key, withName: false, cancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Post, path, obj.ToJsonString(), "application/json", cancellationToken);
        return Parse(status, body, key);
    }

    public async Task<JsonObject> ReplaceAsync(JsonObject obj, CancellationToken cancellationToken)
    {
        var key = KubeObjects.KeyOf(obj);
        var path = await PathOfAsync(key, withName: true, cancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Put, path, obj.ToJsonString(), "application/json", cancellationToken);
        return Parse(status, body, key);
    }

    public async Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var path = await PathOfAsync(key, withName: true, cancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Delete, path, """{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}""", "application/json", cancellationToken);
        if (status == HttpStatusCode.NotFound)
        {
            return false;
        }

        _ = Parse(status, body, key);
        return true;
    }

    /// <summary>Whether a kind is namespaced, from discovery; null when the server does not serve it.</summary>
    public async Task<bool?> IsNamespacedAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        if (BuiltInResources.Find(apiVersion, kind) is { } builtIn)
        {
            return builtIn.Namespaced;
        }

        var resources = await DiscoverAsync(apiVersion, cancellationToken);
        return resources.TryGetValue(kind, out var r) ? r.Namespaced : null;
    }

    public void Dispose() => _client.Dispose();

    private async Task<string> PathOfAsync(ObjectKey key, bool withName, CancellationToken cancellationToken)
    {
        var (plural, namespaced) = await ResolveAsync(key.ApiVersion, key.Kind, cancellationToken);
        if (namespaced && string.IsNullOrEmpty(key.Namespace))
        {
            throw new ArgumentException($"{key} is namespaced but has no namespace", nameof(key));
        }

        var path = JoinPath(key.ApiVersion, plural, namespaced ? key.Namespace : null);
        return withName ? path + "/" + Uri.EscapeDataString(key.Name) : path;
    }

    private async Task<(string Plural, bool Namespaced)> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        if (BuiltInResources.Find(apiVersion, kind) is { } builtIn)
        {
            return builtIn;
        }

        var resources = await DiscoverAsync(apiVersion, cancellationToken);
        return resources.TryGetValue(kind, out var resource)
            ? resource
            : throw new KubeApiException(HttpStatusCode.NotFound, "NotFound", $"the server does not serve kind {kind} in {apiVersion}", null, []);
    }

    private Task<Dictionary<string, (string Plural, bool Namespaced)>> DiscoverAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var lazy = _discovery.GetOrAdd(apiVersion, v => new Lazy<Task<Dictionary<string, (string, bool)>>>(() => LoadDiscoveryAsync(v, cancellationToken)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // Do not cache a failure: the next call asks again.
            _discovery.TryRemove(new KeyValuePair<string, Lazy<Task<Dictionary<string, (string, bool)>>>>(apiVersion, lazy));
        }

        return task;
    }

    private async Task<Dictionary<string, (string Plural, bool Namespaced)>> LoadDiscoveryAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, Prefix(apiVersion), null, null, cancellationToken);
        var list = Parse(status, body, null);
        var result = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        foreach (var resource in (list["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = (string?)resource["name"];
            var kind = (string?)resource["kind"];
            if (name is null || kind is null || name.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            result.TryAdd(kind, (name, (bool?)resource["namespaced"] ?? false));
        }

        return result;
    }

    private static string Prefix(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{apiVersion}" : $"/api/{apiVersion}";

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(
        HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken, MediaTypeWithQualityHeaderValue[]? accept = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(method, _client.BaseUri.ToString().TrimEnd('/') + path)
        {
            // HTTP/2 where the server offers it (API servers do, over TLS): the many requests of a phase share one
            // connection instead of opening (and TLS-handshaking) one each. Plain http stays HTTP/1.1.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (_trust.ServerName is { } serverName)
        {
            request.Headers.Host = serverName;
        }

        foreach (var type in accept ?? [JsonAccept])
        {
            request.Headers.Accept.Add(type);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
        }

        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, timeout.Token);
        }

        try
        {
            using var response = await _client.HttpClient.SendAsync(request, timeout.Token);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{method} {path}: no answer from {Name} within {_options.RequestTimeout.TotalSeconds:0}s");
        }
        catch (HttpRequestException ex)
        {
            if (await _diagnosis.ExplainAsync(ex) is { } explained)
            {
                throw explained;
            }

            throw;
        }
    }

    private static JsonObject Parse(HttpStatusCode status, string body, ObjectKey? key)
    {
        if ((int)status is < 200 or > 299)
        {
            throw KubeApiException.FromResponse(status, body, key);
        }

        return JsonNode.Parse(body) as JsonObject ?? throw new InvalidDataException($"unexpected answer for {key}: {body[..Math.Min(body.Length, 200)]}");
    }
}
