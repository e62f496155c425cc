using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RunnerConsole.Sandbox.Faults;
using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox.Api;

/// <summary>The Kubernetes REST protocol over the object store: routing, verbs, patches, watch, errors.</summary>
internal sealed partial class KubeApi
{
    private const string JsonType = "application/json";
    private static readonly string[] PatchTypes = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml", "application/strategic-merge-patch+json"];

    private readonly SandboxServer _server;
    private readonly ObjectStore _store;
    private readonly ResourceCatalog _catalog;
    private int _nextClusterIp = 10;

    public KubeApi(SandboxServer server)
    {
        _server = server;
        _store = server.Store;
        _catalog = server.Catalog;
    }

    private DateTimeOffset Now => _server.Time.GetUtcNow();

    public async Task HandleAsync(HttpContext ctx)
    {
        var started = Stopwatch.GetTimestamp();
        var request = ctx.Request;
        RequestInfo? info = null;
        string? fault = null;
        var logged = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref logged, 1) != 0)
            {
                return;
            }

            _server.Log.Add(new RequestLogEntry(
                Now,
                request.Method,
                request.Path.Value ?? "",
                request.QueryString.Value ?? "",
                fault is "drop" or "hang" ? 0 : ctx.Response.StatusCode,
                Stopwatch.GetElapsedTime(started),
                request.Headers.UserAgent.ToString(),
                info?.Verb ?? request.Method.ToLowerInvariant(),
                info?.Resource ?? "",
                info?.Namespace,
                info?.Name,
                fault)
            {
                Protocol = request.Protocol,
                ConnectionId = ctx.Connection.Id,
                Accept = request.Headers.Accept.ToString(),
                Impersonation = ImpersonationOf(request.Headers),
            });
        }

        // Logged as the answer starts, so a client that has its answer always finds the entry (watches: when the stream opens).
        ctx.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            if (_server.Latency > TimeSpan.Zero)
            {
                await Task.Delay(_server.Latency, ctx.RequestAborted);
            }

            if (_server.RequiresToken && request.Headers.Authorization.ToString() != "Bearer " + _server.Token)
            {
                fault = "unauthorized";
                throw new ApiException(401, "Unauthorized", "Unauthorized");
            }

            var watchParam = request.Query["watch"] is var w && (w == "true" || w == "1");
            info = RequestInfo.Parse(request.Method, request.Path.Value ?? "/", watchParam, _catalog);
            var verb = info?.Verb ?? request.Method.ToLowerInvariant();
            // Non-resource paths (discovery, /version, /openapi, health) are only hit by rules naming their path.
            var rule = info is null
                ? _server.Faults.MatchPath(verb, request.Path.Value ?? "/")
                : _server.Faults.Match(verb, info.Resource, info.Namespace, info.Name);
            if (rule is { Action: FaultAction.Delay })
            {
                fault = $"delay:{rule.DelayMilliseconds}";
                await Task.Delay(rule.DelayMilliseconds, ctx.RequestAborted);
                rule = null;
            }

            if (rule is not null)
            {
                fault = rule.Action == FaultAction.Status ? rule.StatusCode.ToString(CultureInfo.InvariantCulture) : rule.Action.ToString().ToLowerInvariant();
                switch (rule.Action)
                {
                    case FaultAction.Drop:
                        ctx.Abort();
                        return;
                    case FaultAction.Hang:
                        using (var hang = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _server.Stopping))
                        {
                            await Task.Delay(Timeout.Infinite, hang.Token);
                        }

                        return;
                    default:
                        throw FaultError(rule, info);
                }
            }

            if (info is null)
            {
                await HandleNonResourceAsync(ctx);
            }
            else
            {
                await HandleResourceAsync(ctx, info);
            }
        }
        catch (ApiException ex)
        {
            if (!ctx.Response.HasStarted)
            {
                if (ex.RetryAfterSeconds is { } retry)
                {
                    ctx.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                }

                await WriteJsonAsync(ctx, ex.Code, ex.ToStatus());
            }
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested || _server.Stopping.IsCancellationRequested)
        {
            // client went away or server stopping
        }
        catch (Exception ex) when (!ctx.Response.HasStarted)
        {
            await WriteJsonAsync(ctx, 500, ApiException.Internal(ex.Message).ToStatus());
        }
        finally
        {
            Record();
        }
    }

    private static string ImpersonationOf(IHeaderDictionary headers)
    {
        var user = headers["Impersonate-User"].ToString();
        var groups = headers["Impersonate-Group"].Where(g => !string.IsNullOrEmpty(g)).ToList();
        var extra = headers.Where(h => h.Key.StartsWith("Impersonate-Extra-", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Select(v => $"{Uri.UnescapeDataString(h.Key["Impersonate-Extra-".Length..]).ToLowerInvariant()}={v}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (user.Length == 0 && groups.Count == 0 && extra.Count == 0)
        {
            return string.Empty;
        }

        return user + (groups.Count > 0 ? "; groups " + string.Join(',', groups) : string.Empty) + (extra.Count > 0 ? "; extra " + string.Join(',', extra) : string.Empty);
    }

    private static ApiException FaultError(FaultRule rule, RequestInfo? info) => rule.StatusCode switch
    {
        429 => ApiException.TooManyRequests(rule.RetryAfterSeconds),
        503 => ApiException.ServiceUnavailable(rule.Message ?? "the server is currently unable to handle the request"),
        403 => info?.Type is { } t
            ? ApiException.Forbidden(t, info.Name, info.Verb, info.Namespace, SandboxServer.UserName)
            : new ApiException(403, "Forbidden", rule.Message ?? "forbidden"),
        409 => info?.Type is { } t2
            ? ApiException.Conflict(t2, info.Name ?? "", rule.Message ?? "the object has been modified; please apply your changes to the latest version and try again")
            : new ApiException(409, "Conflict", rule.Message ?? "conflict"),
        404 => info?.Type is { } t3 ? ApiException.NotFound(t3, info.Name ?? "") : ApiException.ResourceNotFound(),
        500 => ApiException.Internal(rule.Message ?? "injected fault"),
        504 => new ApiException(504, "Timeout", rule.Message ?? "Timeout: request did not complete within the allotted timeout"),
        var code => new ApiException(code, "", rule.Message ?? $"injected fault {code}"),
    };

    // ---------------------------------------------------------------- responses

    internal static async Task WriteJsonAsync(HttpContext ctx, int status, JsonNode node)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = JsonType;
        var bytes = Json.Bytes(node);
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes);
    }

    private static async Task WriteBytesAsync(HttpContext ctx, int status, byte[] bytes, string contentType = JsonType)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes);
    }

    // ---------------------------------------------------------------- non-resource paths

    private async Task HandleNonResourceAsync(HttpContext ctx)
    {
        var path = (ctx.Request.Path.Value ?? "/").TrimEnd('/');
        if (path.Length == 0)
        {
            path = "/";
        }

        switch (path)
        {
            case "/version":
                await WriteJsonAsync(ctx, 200, VersionInfo());
                return;
            case "/healthz" or "/livez" or "/readyz":
                await WriteBytesAsync(ctx, 200, "ok"u8.ToArray(), "text/plain; charset=utf-8");
                return;
            case "/api":
                await WriteJsonAsync(ctx, 200, Discovery.ApiVersions());
                return;
            case "/apis":
                await WriteJsonAsync(ctx, 200, Discovery.ApiGroupList(_catalog));
                return;
            case "/openapi/v2":
                // An empty document: kubectl and helm then skip client-side schema validation.
                await WriteBytesAsync(ctx, 200, [], "application/octet-stream");
                return;
            case "/openapi/v3":
                await WriteJsonAsync(ctx, 200, Discovery.OpenApiV3Index(_catalog));
                return;
            case "/":
                await WriteJsonAsync(ctx, 200, new JsonObject
                {
                    ["paths"] = new JsonArray(["/api", "/api/v1", "/apis", "/healthz", "/livez", "/openapi/v2", "/openapi/v3", "/readyz", "/version"]),
                });
                return;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["api", var v] && v == "v1")
        {
            await WriteJsonAsync(ctx, 200, Discovery.ResourceList(_catalog, "", "v1"));
            return;
        }

        if (segments is ["apis", var g] && _catalog.Groups().FirstOrDefault(x => x.Group == g) is { Group: not null } group)
        {
            await WriteJsonAsync(ctx, 200, Discovery.ApiGroup(group.Group, group.Versions));
            return;
        }

        if (segments is ["apis", var g2, var v2] && _catalog.ServesGroupVersion(g2, v2))
        {
            await WriteJsonAsync(ctx, 200, Discovery.ResourceList(_catalog, g2, v2));
            return;
        }

        if (segments.Length >= 3 && segments[0] == "openapi" && segments[1] == "v3")
        {
            var gv = string.Join('/', segments[2..]);
            await WriteJsonAsync(ctx, 200, Discovery.OpenApiV3Document(gv));
            return;
        }

        throw ApiException.ResourceNotFound();
    }

    private JsonObject VersionInfo() => new()
    {
        ["major"] = "1",
        ["minor"] = "35",
        ["emulationMajor"] = "1",
        ["emulationMinor"] = "35",
        ["minCompatibilityMajor"] = "1",
        ["minCompatibilityMinor"] = "34",
        ["gitVersion"] = SandboxServer.KubernetesVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-12-17T00:00:00Z",
        ["goVersion"] = "go1.25.5",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    // ---------------------------------------------------------------- resource requests

    private async Task HandleResourceAsync(HttpContext ctx, RequestInfo info)
    {
        var type = info.Type!;
        if (type.IsVirtual)
        {
            if (info.Verb != "create" || info.Name is not null)
            {
                throw ApiException.MethodNotAllowed();
            }

            await ReviewAsync(ctx, type);
            return;
        }

        switch (info.Verb)
        {
            case "get":
                await GetAsync(ctx, info, type);
                return;
            case "list":
                await ListAsync(ctx, info, type);
                return;
            case "watch":
                await WatchAsync(ctx, info, type);
                return;
            case "create":
                if (info.Name is not null)
                {
                    throw ApiException.MethodNotAllowed();
                }

                await CreateAsync(ctx, info, type);
                return;
            case "update":
                await UpdateAsync(ctx, info, type);
                return;
            case "patch":
                await PatchAsync(ctx, info, type);
                return;
            case "delete":
                await DeleteAsync(ctx, info, type);
                return;
            case "deletecollection":
                await DeleteCollectionAsync(ctx, info, type);
                return;
            default:
                throw ApiException.MethodNotAllowed();
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext ctx)
    {
        var contentType = ctx.Request.ContentType ?? "";
        if (contentType.Contains("cbor", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.UnsupportedMediaType(contentType, ["application/json", "application/yaml"]);
        }

        using var ms = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted);
        return ms.ToArray();
    }

    private static bool DryRun(HttpContext ctx)
    {
        var values = ctx.Request.Query["dryRun"];
        foreach (var v in values)
        {
            if (v != "All")
            {
                throw ApiException.Invalid(
                    new ResourceType("meta.k8s.io", "v1", "", "", "CreateOptions", false, []),
                    "",
                    [("dryRun", "FieldValueNotSupported", $"Unsupported value: \"{v}\": supported values: \"All\"")]);
            }
        }

        return values.Count > 0;
    }

    private static string FieldManager(HttpContext ctx)
    {
        var m = ctx.Request.Query["fieldManager"].ToString();
        if (m.Length > 0)
        {
            return m;
        }

        var ua = ctx.Request.Headers.UserAgent.ToString();
        var slash = ua.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash > 0 ? ua[..slash] : ua;
        return prefix.Length == 0 ? "unknown" : prefix;
    }

    private async Task GetAsync(HttpContext ctx, RequestInfo info, ResourceType type)
    {
        var stored = _store.Get(type.StorageKey, info.Namespace ?? "", info.Name!) ?? throw ApiException.NotFound(type, info.Name!);
        if (info.Subresource == "scale")
        {
            await WriteJsonAsync(ctx, 200, ScaleOf(stored.Obj));
            return;
        }

        if (info.Subresource == "log")
        {
            await WriteBytesAsync(ctx, 200, Encoding.UTF8.GetBytes(SimulatedLog(stored.Obj, ctx.Request.Query["container"].ToString())), "text/plain");
            return;
        }

        if (Tables.Wanted(ctx))
        {
            await WriteJsonAsync(ctx, 200, Tables.Build(type, [stored], _store.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture), null, Now, Tables.WholeObjects(ctx)));
            return;
        }

        if (PartialMetadata.WantedForObject(ctx))
        {
            await WriteJsonAsync(ctx, 200, PartialMetadata.Object(stored.Obj));
            return;
        }

        await WriteBytesAsync(ctx, 200, stored.Bytes);
    }

    /// <summary>What <c>kubectl logs</c> shows for a simulated container.</summary>
    private static string SimulatedLog(JsonObject pod, string container)
    {
        var containers = (Json.At(pod, "spec", "containers") as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var c = containers.FirstOrDefault(x => Json.Str(x, "name") == container) ?? containers.FirstOrDefault();
        if (c is null || (container.Length > 0 && Json.Str(c, "name") != container))
        {
            throw ApiException.BadRequest($"container {container} is not valid for pod {Json.Name(pod)}");
        }

        var status = (Json.At(pod, "status", "containerStatuses") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(s => Json.Str(s, "name") == Json.Str(c, "name"));
        if (Json.Str(status, "state", "waiting", "reason") is "ImagePullBackOff" or "ErrImagePull" or "ContainerCreating")
        {
            throw ApiException.BadRequest($"container \"{Json.Str(c, "name")}\" in pod \"{Json.Name(pod)}\" is waiting to start: trying and failing to pull image");
        }

        var started = Json.Str(status, "state", "running", "startedAt") ?? Json.Str(pod, "metadata", "creationTimestamp") ?? "";
        return $"{started} sandbox: simulated container {Json.Str(c, "name")} (image {Json.Str(c, "image")}) in pod {Json.Name(pod)}\n"
            + $"{started} sandbox: no real process runs in the Sandbox (simulated cluster)\n";
    }

    private (List<StoredObject> Items, long Rv) Select(RequestInfo info, ResourceType type, HttpContext ctx)
    {
        var labels = LabelSelector.Parse(ctx.Request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(ctx.Request.Query["fieldSelector"]);
        lock (_store.Gate)
        {
            var items = _store.List(type.StorageKey, info.Namespace).Where(o => labels.Matches(o.Obj) && fields.Matches(o.Obj)).ToList();
            return (items, _store.CurrentResourceVersion);
        }
    }

    private async Task ListAsync(HttpContext ctx, RequestInfo info, ResourceType type)
    {
        var (items, rv) = Select(info, type, ctx);
        string? continueToken = null;
        long? remaining = null;
        var cont = ctx.Request.Query["continue"].ToString();
        if (cont.Length > 0)
        {
            string after;
            try
            {
                after = Encoding.UTF8.GetString(Convert.FromBase64String(cont));
            }
            catch (FormatException)
            {
                throw ApiException.BadRequest("continue key is not valid: illegal base64 data");
            }

            items = items.Where(o => string.CompareOrdinal(ItemKey(o), after) > 0).ToList();
        }

        if (int.TryParse(ctx.Request.Query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0 && items.Count > limit)
        {
            remaining = items.Count - limit;
            items = items.Take(limit).ToList();
            continueToken = Convert.ToBase64String(Encoding.UTF8.GetBytes(ItemKey(items[^1])));
        }

        var rvText = rv.ToString(CultureInfo.InvariantCulture);
        if (Tables.Wanted(ctx))
        {
            await WriteJsonAsync(ctx, 200, Tables.Build(type, items, rvText, continueToken, Now, Tables.WholeObjects(ctx)));
            return;
        }

        if (PartialMetadata.WantedForList(ctx))
        {
            await WriteJsonAsync(ctx, 200, PartialMetadata.List(items, rvText, continueToken, remaining));
            return;
        }

        using var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", type.ListKind);
            writer.WriteString("apiVersion", type.GroupVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", rvText);
            if (continueToken is not null)
            {
                writer.WriteString("continue", continueToken);
                writer.WriteNumber("remainingItemCount", remaining!.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteRawValue(item.Bytes, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await WriteBytesAsync(ctx, 200, ms.ToArray());
    }

    private static string ItemKey(StoredObject o) => o.Namespace + "/" + o.Name;

    private async Task WatchAsync(HttpContext ctx, RequestInfo info, ResourceType type)
    {
        var q = ctx.Request.Query;
        var sendInitial = q["sendInitialEvents"] == "true";
        var rvParam = q["resourceVersion"].ToString();
        var fields = FieldSelector.Parse(q["fieldSelector"]);
        if (info.Name is not null)
        {
            fields = FieldSelector.Parse($"metadata.name={info.Name}" + (q["fieldSelector"].Count > 0 ? "," + q["fieldSelector"] : ""));
        }

        if (sendInitial && q["resourceVersionMatch"] != "NotOlderThan")
        {
            throw ApiException.Invalid(
                new ResourceType("meta.k8s.io", "v1", "", "", "ListOptions", false, []),
                "",
                [("sendInitialEvents", "FieldValueForbidden", "Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled and resourceVersionMatch is set to NotOlderThan")]);
        }

        long? fromRv = null;
        if (rvParam.Length > 0 && rvParam != "0")
        {
            if (!long.TryParse(rvParam, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw ApiException.BadRequest($"invalid resource version \"{rvParam}\"");
            }

            fromRv = parsed;
        }

        var watcher = new Watcher
        {
            StorageKey = type.StorageKey,
            Namespace = info.Namespace,
            Labels = LabelSelector.Parse(q["labelSelector"]),
            Fields = fields,
            Render = Tables.Wanted(ctx) ? o => Json.Bytes(Tables.Single(type, o.Obj, Now, Tables.WholeObjects(ctx))) : o => o.Bytes,
        };
        var initial = sendInitial || fromRv is null;
        if (!_store.AddWatcher(watcher, initial ? null : fromRv, initial, out var startRv))
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = JsonType;
            var gone = ApiException.Gone($"too old resource version: {fromRv} ({_store.CurrentResourceVersion})").ToStatus();
            await ctx.Response.Body.WriteAsync(Watcher.EncodeEvent("ERROR", Json.Bytes(gone)));
            return;
        }

        if (sendInitial)
        {
            var bookmark = new JsonObject
            {
                ["kind"] = type.Kind,
                ["apiVersion"] = type.GroupVersion,
                ["metadata"] = new JsonObject
                {
                    ["resourceVersion"] = startRv.ToString(CultureInfo.InvariantCulture),
                    ["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" },
                },
            };
            watcher.Lines.Writer.TryWrite(Watcher.EncodeEvent("BOOKMARK", Json.Bytes(bookmark)));
        }

        var timeout = TimeSpan.FromMinutes(30);
        if (int.TryParse(q["timeoutSeconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            timeout = TimeSpan.FromSeconds(seconds);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _server.Stopping);
        cts.CancelAfter(timeout);
        try
        {
            ctx.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = JsonType;
            ctx.Response.Headers.CacheControl = "no-cache, private";
            await ctx.Response.StartAsync(cts.Token);
            await ctx.Response.Body.FlushAsync(cts.Token);
            var reader = watcher.Lines.Reader;
            while (await reader.WaitToReadAsync(cts.Token))
            {
                while (reader.TryRead(out var line))
                {
                    await ctx.Response.Body.WriteAsync(line, cts.Token);
                }

                await ctx.Response.Body.FlushAsync(cts.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // timeout, client gone or server stopping: end the stream
        }
        finally
        {
            _store.RemoveWatcher(watcher);
        }
    }

    // ---------------------------------------------------------------- writes

    private static JsonObject ParseObject(HttpContext ctx, byte[] body, ResourceType type, bool allowYaml = true)
    {
        if (body.Length == 0)
        {
            throw ApiException.BadRequest("the body of the request was empty");
        }

        if (Protobuf.IsProtobuf(ctx.Request.ContentType))
        {
            var decoded = Protobuf.Decode(body);
            CheckKind(decoded, type);
            return decoded;
        }

        if (BodyReader.Parse(body, allowYaml) is not JsonObject obj)
        {
            throw ApiException.BadRequest("the body of the request must be a JSON object");
        }

        CheckKind(obj, type);
        return obj;
    }

    private static void CheckKind(JsonObject obj, ResourceType type)
    {
        var kind = Json.Str(obj, "kind");
        var apiVersion = Json.Str(obj, "apiVersion");
        if (string.IsNullOrEmpty(kind))
        {
            obj["kind"] = type.Kind;
        }
        else if (kind != type.Kind)
        {
            throw ApiException.BadRequest($"the kind in the object ({kind}) does not match the kind of the resource ({type.Kind}) at this URL");
        }

        if (string.IsNullOrEmpty(apiVersion))
        {
            obj["apiVersion"] = type.GroupVersion;
        }
        else if (apiVersion != type.GroupVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.GroupVersion})");
        }
    }

    private void CheckNamespace(RequestInfo info, ResourceType type, JsonObject obj)
    {
        var meta = Json.Meta(obj);
        if (!type.Namespaced)
        {
            meta.Remove("namespace");
            return;
        }

        var bodyNs = Json.Str(meta, "namespace");
        if (!string.IsNullOrEmpty(bodyNs) && bodyNs != info.Namespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        meta["namespace"] = info.Namespace;
    }

    private void RequireNamespace(string? ns)
    {
        if (ns is null)
        {
            return;
        }

        var nsObj = _store.Get("namespaces", "", ns) ?? throw ApiException.NamespaceNotFound(ns);
        if (Json.At(nsObj.Obj, "metadata", "deletionTimestamp") is not null)
        {
            throw new ApiException(403, "Forbidden", $"unable to create new content in namespace {ns} because it is being terminated",
                new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });
        }
    }

    private static readonly string[] SystemMetadata = ["uid", "creationTimestamp", "resourceVersion", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"];

    /// <summary>Create: namespace, name (generateName), uid, timestamps, defaults, validation, managedFields.</summary>
    private JsonObject PrepareCreate(RequestInfo info, ResourceType type, JsonObject obj, string? manager, bool recordUpdate)
    {
        CheckNamespace(info, type, obj);
        var meta = Json.Meta(obj);
        foreach (var key in SystemMetadata)
        {
            meta.Remove(key);
        }

        var name = Json.Str(meta, "name");
        if (string.IsNullOrEmpty(name) && Json.Str(meta, "generateName") is { Length: > 0 } prefix)
        {
            name = prefix + RandomSuffix(5);
            meta["name"] = name;
        }

        Admission.ValidateName(type, name ?? "");
        RequireNamespace(type.Namespaced ? info.Namespace : null);
        if (_store.Get(type.StorageKey, info.Namespace ?? "", name!) is not null)
        {
            throw ApiException.AlreadyExists(type, name!);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Json.Timestamp(Now);
        if (Admission.TracksGeneration(type))
        {
            meta["generation"] = 1;
        }

        if (type.HasStatus && type.StorageKey != "pods")
        {
            obj.Remove("status");
        }

        Admission.Default(type, obj, AllocateClusterIp);
        Admission.Validate(type, obj, null);
        OnCustomResourceDefinition(type, obj);
        if (recordUpdate && manager is not null)
        {
            RunFieldManagement(() => PatchEngine.RecordUpdate(null, obj, manager, Now));
        }

        return obj;
    }

    private static void RunFieldManagement(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is not ApiException)
        {
            // Field ownership bookkeeping must never fail a write.
            Debug.WriteLine(ex);
        }
    }

    private string AllocateClusterIp()
    {
        var n = Interlocked.Increment(ref _nextClusterIp);
        return $"10.96.{(n / 250) % 250}.{(n % 250) + 1}";
    }

    private static string RandomSuffix(int n)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(n, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[Random.Shared.Next(alphabet.Length)];
            }
        });
    }

    /// <summary>Update of an existing object: preconditions, system metadata, status semantics, generation, finalizers.</summary>
    private JsonObject PrepareUpdate(RequestInfo info, ResourceType type, StoredObject existing, JsonObject obj, string manager, bool fromApply)
    {
        CheckNamespace(info, type, obj);
        var meta = Json.Meta(obj);
        var oldMeta = Json.Meta(existing.Obj);
        var name = Json.Str(meta, "name");
        if (string.IsNullOrEmpty(name))
        {
            meta["name"] = info.Name;
        }
        else if (name != info.Name)
        {
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({info.Name})");
        }

        var rv = Json.Str(meta, "resourceVersion");
        if (!string.IsNullOrEmpty(rv) && rv != existing.ResourceVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw ApiException.Conflict(type, info.Name!);
        }

        foreach (var key in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            if (oldMeta[key] is { } v)
            {
                meta[key] = v.DeepClone();
            }
            else
            {
                meta.Remove(key);
            }
        }

        if (info.Subresource == "status")
        {
            // Only status changes through /status (metadata too, except system fields).
            var merged = (JsonObject)existing.Obj.DeepClone();
            merged["status"] = obj["status"]?.DeepClone();
            merged["metadata"] = meta.DeepClone();
            obj = merged;
        }
        else if (type.HasStatus)
        {
            obj["status"] = existing.Obj["status"]?.DeepClone();
            if (obj["status"] is null)
            {
                obj.Remove("status");
            }
        }

        if (!fromApply && meta["managedFields"] is null && oldMeta["managedFields"] is { } mf)
        {
            meta["managedFields"] = mf.DeepClone();
        }

        var resetManagedFields = meta["managedFields"] is JsonArray { Count: 1 } arr && arr[0] is JsonObject { Count: 0 };
        if (resetManagedFields)
        {
            meta.Remove("managedFields");
        }

        Admission.Default(type, obj, AllocateClusterIp);
        Admission.Validate(type, obj, existing.Obj);
        if (Admission.TracksGeneration(type) && !Json.DeepEquals(Json.SpecPart(obj), Json.SpecPart(existing.Obj)))
        {
            meta["generation"] = (Json.Long(oldMeta, "generation") ?? 0) + 1;
        }

        OnCustomResourceDefinition(type, obj);
        if (!fromApply && !resetManagedFields)
        {
            RunFieldManagement(() => PatchEngine.RecordUpdate(existing.Obj, obj, manager, Now));
        }

        return obj;
    }

    private async Task CreateAsync(HttpContext ctx, RequestInfo info, ResourceType type)
    {
        var body = await ReadBodyAsync(ctx);
        var dryRun = DryRun(ctx);
        var obj = ParseObject(ctx, body, type);
        var manager = FieldManager(ctx);
        JsonObject result;
        lock (_store.Gate)
        {
            obj = PrepareCreate(info, type, obj, manager, recordUpdate: true);
            result = dryRun ? obj : _store.Put(type.StorageKey, obj).Obj;
        }

        await WriteJsonAsync(ctx, 201, result);
    }

    private async Task UpdateAsync(HttpContext ctx, RequestInfo info, ResourceType type)
    {
        var body = await ReadBodyAsync(ctx);
        var dryRun = DryRun(ctx);
        var manager = FieldManager(ctx);
        if (info.Subresource == "scale")
        {
            var scale = (Protobuf.IsProtobuf(ctx.Request.ContentType) ? Protobuf.Decode(body) : BodyReader.Parse(body, false)) as JsonObject ?? throw ApiException.BadRequest("expected a Scale object");
            await WriteJsonAsync(ctx, 200, ApplyScale(info, type, scale, manager, dryRun));
            return;
        }

        var obj = ParseObject(ctx, body, type);
        JsonObject result;
        lock (_store.Gate)
        {
            var existing = _store.Get(type.StorageKey, info.Namespace ?? "", info.Name!) ?? throw ApiException.NotFound(type, info.Name!);
            obj = PrepareUpdate(info, type, existing, obj, manager, fromApply: false);
            result = Commit(type, existing, obj, dryRun);
        }

        await WriteJsonAsync(ctx, 200, result);
    }

    /// <summary>Stores an update, or deletes the object when its last finalizer went away during deletion.</summary>
    private JsonObject Commit(ResourceType type, StoredObject existing, JsonObject obj, bool dryRun)
    {
        if (dryRun)
        {
            Json.Meta(obj)["resourceVersion"] = existing.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            return obj;
        }

        if (Json.At(obj, "metadata", "deletionTimestamp") is not null && Json.At(obj, "metadata", "finalizers") is not JsonArray { Count: > 0 })
        {
            _store.Put(type.StorageKey, obj);
            return RemoveNow(type, Json.Namespace(obj), Json.Name(obj), "Background")?.Obj ?? obj;
        }

        if (Json.DeepEquals(obj, existing.Obj) || SameIgnoringVersion(obj, existing.Obj))
        {
            return existing.Obj;
        }

        return _store.Put(type.StorageKey, obj).Obj;
    }

    private static bool SameIgnoringVersion(JsonObject a, JsonObject b)
    {
        var ca = (JsonObject)a.DeepClone();
        var cb = (JsonObject)b.DeepClone();
        Json.Meta(ca).Remove("resourceVersion");
        Json.Meta(cb).Remove("resourceVersion");
        StripTimes(ca);
        StripTimes(cb);
        return Json.DeepEquals(ca, cb);
    }

    private static void StripTimes(JsonObject o)
    {
        if (Json.At(o, "metadata", "managedFields") is JsonArray mf)
        {
            foreach (var e in mf.OfType<JsonObject>())
            {
                e.Remove("time");
            }
        }
    }

    private async Task PatchAsync(HttpContext ctx, RequestInfo info, ResourceType type)
    {
        var contentType = ctx.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        var custom = type.Group.Length > 0 && _catalog.FindByStorageKey(type.StorageKey) is { } t && IsCustom(t);
        var accepted = custom ? PatchTypes.Where(p => p != "application/strategic-merge-patch+json").ToArray() : PatchTypes;
        if (!accepted.Contains(contentType))
        {
            throw ApiException.UnsupportedMediaType(contentType, accepted);
        }

        var body = await ReadBodyAsync(ctx);
        var dryRun = DryRun(ctx);
        var manager = FieldManager(ctx);
        if (contentType == "application/apply-patch+yaml")
        {
            await ApplyAsync(ctx, info, type, body, dryRun);
            return;
        }

        JsonNode? patch;
        try
        {
            patch = BodyReader.Parse(body, allowYaml: false);
        }
        catch (ApiException)
        {
            throw ApiException.BadRequest($"error decoding patch: invalid character in {contentType} body");
        }

        if (info.Subresource == "scale")
        {
            JsonObject scale;
            lock (_store.Gate)
            {
                var existing = _store.Get(type.StorageKey, info.Namespace ?? "", info.Name!) ?? throw ApiException.NotFound(type, info.Name!);
                scale = ApplyPatch(contentType, ScaleOf(existing.Obj), patch, type, info.Name!);
            }

            await WriteJsonAsync(ctx, 200, ApplyScale(info, type, scale, manager, dryRun));
            return;
        }

        JsonObject result;
        lock (_store.Gate)
        {
            var existing = _store.Get(type.StorageKey, info.Namespace ?? "", info.Name!) ?? throw ApiException.NotFound(type, info.Name!);
            var patched = ApplyPatch(contentType, existing.Obj, patch, type, info.Name!);
            CheckKind(patched, type);
            var patchedRv = Json.Str(patched, "metadata", "resourceVersion");
            if (patchedRv is null)
            {
                Json.Meta(patched)["resourceVersion"] = existing.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            }

            patched = PrepareUpdate(info, type, existing, patched, manager, fromApply: false);
            result = Commit(type, existing, patched, dryRun);
        }

        await WriteJsonAsync(ctx, 200, result);
    }

    private static bool IsCustom(ResourceType t) => t.Group.Length > 0 && !BuiltInGroups.Contains(t.Group);

    private static readonly HashSet<string> BuiltInGroups = ["apps", "batch", "autoscaling", "rbac.authorization.k8s.io", "policy", "networking.k8s.io", "apiextensions.k8s.io", "coordination.k8s.io", "storage.k8s.io"];

    private static JsonObject ApplyPatch(string contentType, JsonObject target, JsonNode? patch, ResourceType type, string name)
    {
        JsonNode? result;
        try
        {
            result = contentType switch
            {
                "application/json-patch+json" => patch is JsonArray ops
                    ? PatchEngine.JsonPatch(target.DeepClone(), ops)
                    : throw ApiException.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch"),
                "application/merge-patch+json" => PatchEngine.MergePatch(target.DeepClone(), patch),
                _ => patch is JsonObject
                    ? PatchEngine.StrategicMergePatch(target.DeepClone(), patch)
                    : throw ApiException.BadRequest("json: cannot unmarshal array into Go value of type map[string]interface {}"),
            };
        }
        catch (Exception ex) when (ex is not ApiException)
        {
            throw PatchEngine.IsPatchException(ex)
                ? new ApiException(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: the server rejected our request due to an error in our request: {ex.Message}",
                    new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Kind })
                : ApiException.Internal(ex.Message);
        }

        return result as JsonObject ?? throw ApiException.BadRequest("the patch did not produce an object");
    }

    private async Task ApplyAsync(HttpContext ctx, RequestInfo info, ResourceType type, byte[] body, bool dryRun)
    {
        var manager = ctx.Request.Query["fieldManager"].ToString();
        if (manager.Length == 0)
        {
            throw ApiException.Invalid(
                new ResourceType("meta.k8s.io", "v1", "", "", "PatchOptions", false, []),
                "",
                [("fieldManager", "FieldValueRequired", "Required value: is required for apply patch")]);
        }

        var force = ctx.Request.Query["force"] == "true";
        var applied = ParseObject(ctx, body, type);
        if (info.Subresource == "scale")
        {
            throw ApiException.MethodNotAllowed();
        }

        var appliedName = Json.Name(applied);
        if (appliedName.Length > 0 && appliedName != info.Name)
        {
            throw ApiException.BadRequest($"the name of the object ({appliedName}) does not match the name on the URL ({info.Name})");
        }

        Json.Meta(applied)["name"] = info.Name;
        if (type.Namespaced)
        {
            Json.Meta(applied)["namespace"] = info.Namespace;
        }

        int status;
        JsonObject result;
        lock (_store.Gate)
        {
            var existing = _store.Get(type.StorageKey, info.Namespace ?? "", info.Name!);
            var appliedRv = Json.Str(applied, "metadata", "resourceVersion");
            if (existing is null && !string.IsNullOrEmpty(appliedRv))
            {
                throw ApiException.NotFound(type, info.Name!);
            }

            if (existing is not null && !string.IsNullOrEmpty(appliedRv) && appliedRv != existing.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw ApiException.Conflict(type, info.Name!);
            }

            var live = existing is null ? null : (JsonObject)existing.Obj.DeepClone();
            var outcome = PatchEngine.Apply(live, (JsonObject)applied.DeepClone(), manager, force, Now, type, info.Name!);
            var obj = outcome;
            CheckKind(obj, type);
            if (existing is null)
            {
                RequireNamespace(type.Namespaced ? info.Namespace : null);
                var managed = Json.At(obj, "metadata", "managedFields")?.DeepClone();
                obj = PrepareCreate(info, type, obj, manager, recordUpdate: false);
                if (managed is not null)
                {
                    Json.Meta(obj)["managedFields"] = managed;
                }

                result = dryRun ? obj : _store.Put(type.StorageKey, obj).Obj;
                status = 201;
            }
            else
            {
                Json.Meta(obj)["resourceVersion"] = existing.ResourceVersion.ToString(CultureInfo.InvariantCulture);
                obj = PrepareUpdate(info, type, existing, obj, manager, fromApply: true);
                result = Commit(type, existing, obj, dryRun);
                status = 200;
            }
        }

        await WriteJsonAsync(ctx, status, result);
    }

    // ---------------------------------------------------------------- scale

    private static JsonObject ScaleOf(JsonObject obj)
    {
        var meta = Json.Meta(obj);
        var selector = Json.At(obj, "spec", "selector");
        var selectorText = selector is JsonObject s
            ? string.Join(",", Json.StringMap(s["matchLabels"]).Select(kv => $"{kv.Key}={kv.Value}"))
            : "";
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = meta["name"]?.DeepClone(),
                ["namespace"] = meta["namespace"]?.DeepClone(),
                ["uid"] = meta["uid"]?.DeepClone(),
                ["resourceVersion"] = meta["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = meta["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = Json.Long(obj, "spec", "replicas") ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = Json.Long(obj, "status", "replicas") ?? 0,
                ["selector"] = selectorText,
            },
        };
    }

    private JsonObject ApplyScale(RequestInfo info, ResourceType type, JsonObject scale, string manager, bool dryRun)
    {
        lock (_store.Gate)
        {
            var existing = _store.Get(type.StorageKey, info.Namespace ?? "", info.Name!) ?? throw ApiException.NotFound(type, info.Name!);
            var rv = Json.Str(scale, "metadata", "resourceVersion");
            if (!string.IsNullOrEmpty(rv) && rv != existing.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw ApiException.Conflict(type, info.Name!);
            }

            var replicas = Json.Long(scale, "spec", "replicas") ?? 0;
            if (replicas < 0)
            {
                throw ApiException.Invalid(type, info.Name!, [("spec.replicas", "FieldValueInvalid", $"Invalid value: {replicas}: must be greater than or equal to 0")]);
            }

            var obj = (JsonObject)existing.Obj.DeepClone();
            Json.Obj(obj, "spec")["replicas"] = replicas;
            var main = info with { Subresource = null };
            obj = PrepareUpdate(main, type, existing, obj, manager, fromApply: false);
            var result = Commit(type, existing, obj, dryRun);
            return ScaleOf(result);
        }
    }

    // ---------------------------------------------------------------- delete

    private async Task DeleteAsync(HttpContext ctx, RequestInfo info, ResourceType type)
    {
        var body = await ReadBodyAsync(ctx);
        var dryRun = DryRun(ctx);
        var options = body.Length == 0 ? null
            : Protobuf.IsProtobuf(ctx.Request.ContentType) ? Protobuf.Decode(body)
            : BodyReader.Parse(body, false) as JsonObject;
        var propagation = Json.Str(options, "propagationPolicy") ?? ctx.Request.Query["propagationPolicy"].ToString();
        if (propagation.Length == 0)
        {
            propagation = Json.Bool(options, "orphanDependents") == true || ctx.Request.Query["orphanDependents"] == "true" ? "Orphan" : "Background";
        }

        if (propagation is not ("Orphan" or "Background" or "Foreground"))
        {
            throw ApiException.Invalid(new ResourceType("meta.k8s.io", "v1", "", "", "DeleteOptions", false, []), "",
                [("propagationPolicy", "FieldValueNotSupported", $"Unsupported value: \"{propagation}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")]);
        }

        JsonNode result;
        lock (_store.Gate)
        {
            var existing = _store.Get(type.StorageKey, info.Namespace ?? "", info.Name!) ?? throw ApiException.NotFound(type, info.Name!);
            if (Json.Str(options, "preconditions", "uid") is { } uid && uid != Json.Str(existing.Obj, "metadata", "uid"))
            {
                throw ApiException.Conflict(type, info.Name!, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {Json.Str(existing.Obj, "metadata", "uid")}");
            }

            if (Json.Str(options, "preconditions", "resourceVersion") is { } prv && prv != existing.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw ApiException.Conflict(type, info.Name!, $"Precondition failed: ResourceVersion in precondition: {prv}, ResourceVersion in object meta: {existing.ResourceVersion}");
            }

            if (dryRun)
            {
                result = existing.Obj;
            }
            else if (Json.At(existing.Obj, "metadata", "finalizers") is JsonArray { Count: > 0 } && type.StorageKey != "namespaces")
            {
                var obj = (JsonObject)existing.Obj.DeepClone();
                if (Json.At(obj, "metadata", "deletionTimestamp") is null)
                {
                    Json.Meta(obj)["deletionTimestamp"] = Json.Timestamp(Now);
                    Json.Meta(obj)["deletionGracePeriodSeconds"] = 0;
                    result = _store.Put(type.StorageKey, obj).Obj;
                }
                else
                {
                    result = existing.Obj;
                }
            }
            else
            {
                var removed = RemoveNow(type, info.Namespace ?? "", info.Name!, propagation)!;
                result = type.StorageKey is "pods" or "namespaces" || propagation == "Foreground"
                    ? removed.Obj
                    : new JsonObject
                    {
                        ["kind"] = "Status",
                        ["apiVersion"] = "v1",
                        ["metadata"] = new JsonObject(),
                        ["status"] = "Success",
                        ["details"] = new JsonObject
                        {
                            ["name"] = info.Name,
                            ["group"] = type.Group,
                            ["kind"] = type.Plural,
                            ["uid"] = Json.Str(removed.Obj, "metadata", "uid"),
                        },
                    };
            }
        }

        await WriteJsonAsync(ctx, 200, result);
    }

    /// <summary>Removes an object now, with its dependents (by owner reference) unless orphaned, and a namespace's contents.</summary>
    internal StoredObject? RemoveNow(ResourceType type, string ns, string name, string propagation)
    {
        lock (_store.Gate)
        {
            var removed = _store.Remove(type.StorageKey, ns, name);
            if (removed is null)
            {
                return null;
            }

            OnCustomResourceDefinitionRemoved(type, removed.Obj);
            if (type.StorageKey == "namespaces")
            {
                foreach (var (key, obj) in _store.Everything().Where(e => e.Object.Namespace == name).ToList())
                {
                    _store.Remove(key, name, obj.Name);
                }

                return removed;
            }

            var uid = Json.Str(removed.Obj, "metadata", "uid");
            if (uid is null)
            {
                return removed;
            }

            foreach (var (key, obj) in _store.Everything().ToList())
            {
                if (Json.At(obj.Obj, "metadata", "ownerReferences") is not JsonArray owners
                    || !owners.Any(o => Json.Str(o, "uid") == uid))
                {
                    continue;
                }

                var dependentType = _catalog.FindByStorageKey(key);
                if (dependentType is null)
                {
                    continue;
                }

                if (propagation == "Orphan")
                {
                    var copy = (JsonObject)obj.Obj.DeepClone();
                    var refs = (JsonArray)Json.At(copy, "metadata", "ownerReferences")!;
                    foreach (var r in refs.Where(o => Json.Str(o, "uid") == uid).ToList())
                    {
                        refs.Remove(r);
                    }

                    if (refs.Count == 0)
                    {
                        Json.Meta(copy).Remove("ownerReferences");
                    }

                    _store.Put(key, copy);
                }
                else
                {
                    RemoveNow(dependentType, obj.Namespace, obj.Name, propagation);
                }
            }

            return removed;
        }
    }

    private async Task DeleteCollectionAsync(HttpContext ctx, RequestInfo info, ResourceType type)
    {
        var dryRun = DryRun(ctx);
        var (items, rv) = Select(info, type, ctx);
        var deleted = new JsonArray();
        lock (_store.Gate)
        {
            foreach (var item in items)
            {
                deleted.Add(item.Obj.DeepClone());
                if (!dryRun)
                {
                    RemoveNow(type, item.Namespace, item.Name, ctx.Request.Query["propagationPolicy"].ToString() is { Length: > 0 } p ? p : "Background");
                }
            }
        }

        await WriteJsonAsync(ctx, 200, new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        });
    }

    // ---------------------------------------------------------------- access reviews

    /// <summary>
    /// <c>kubectl auth can-i</c> / <c>auth whoami</c>: everything is allowed except what a 403 fault rule denies
    /// (so a simulated RBAC denial reads consistently).
    /// </summary>
    private async Task ReviewAsync(HttpContext ctx, ResourceType type)
    {
        var review = ParseObject(ctx, await ReadBodyAsync(ctx), type);
        if (type.Kind == "SelfSubjectReview")
        {
            review["status"] = new JsonObject
            {
                ["userInfo"] = new JsonObject
                {
                    ["username"] = SandboxServer.UserName,
                    ["groups"] = new JsonArray("system:authenticated"),
                },
            };
            await WriteJsonAsync(ctx, 201, review);
            return;
        }

        var attributes = Json.At(review, "spec", "resourceAttributes") as JsonObject;
        var denied = attributes is not null && _server.Faults.Denies(
            Json.Str(attributes, "verb") ?? "",
            Json.Str(attributes, "resource") ?? "",
            Json.Str(attributes, "namespace"),
            Json.Str(attributes, "name"));
        review["status"] = denied
            ? new JsonObject { ["allowed"] = false, ["reason"] = "denied by a sandbox fault rule (simulated RBAC)" }
            : new JsonObject { ["allowed"] = true, ["reason"] = "the Sandbox allows everything" };
        await WriteJsonAsync(ctx, 201, review);
    }

    // ---------------------------------------------------------------- custom resource definitions

    internal void RegisterCustomResourceDefinition(JsonObject crd) =>
        OnCustomResourceDefinition(_catalog.FindByStorageKey("customresourcedefinitions.apiextensions.k8s.io")!, (JsonObject)crd.DeepClone());

    private void OnCustomResourceDefinition(ResourceType type, JsonObject crd)
    {
        if (type.StorageKey != "customresourcedefinitions.apiextensions.k8s.io")
        {
            return;
        }

        var spec = Json.At(crd, "spec") as JsonObject;
        var group = Json.Str(spec, "group") ?? "";
        var names = Json.At(spec, "names") as JsonObject;
        var plural = Json.Str(names, "plural") ?? "";
        var kind = Json.Str(names, "kind") ?? "";
        if (Json.Name(crd) != $"{plural}.{group}")
        {
            throw ApiException.Invalid(type, Json.Name(crd), [("metadata.name", "FieldValueInvalid", $"Invalid value: \"{Json.Name(crd)}\": must be spec.names.plural+\".\"+spec.group")]);
        }

        var types = new List<ResourceType>();
        foreach (var v in (Json.At(spec, "versions") as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Json.Bool(v, "served") == false)
            {
                continue;
            }

            types.Add(new ResourceType(
                group,
                Json.Str(v, "name") ?? "v1",
                plural,
                Json.Str(names, "singular") ?? kind.ToLowerInvariant(),
                kind,
                Json.Str(spec, "scope") != "Cluster",
                (Json.At(names, "shortNames") as JsonArray)?.Select(n => n?.ToString() ?? "").ToArray() ?? [],
                HasStatus: Json.At(v, "subresources", "status") is not null,
                HasScale: Json.At(v, "subresources", "scale") is not null,
                Categories: (Json.At(names, "categories") as JsonArray)?.Select(n => n?.ToString() ?? "").ToArray()));
        }

        var status = Json.Obj(crd, "status");
        status["acceptedNames"] = names?.DeepClone();
        status["storedVersions"] = new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t.Version)).Take(1).ToArray());
        var now = Json.Timestamp(Now);
        status["conditions"] = new JsonArray(
            new JsonObject { ["type"] = "NamesAccepted", ["status"] = "True", ["reason"] = "NoConflicts", ["message"] = "no conflicts found", ["lastTransitionTime"] = now },
            new JsonObject { ["type"] = "Established", ["status"] = "True", ["reason"] = "InitialNamesAccepted", ["message"] = "the initial names have been accepted", ["lastTransitionTime"] = now });
        _catalog.SetCustom($"{plural}.{group}", types);
    }

    private void OnCustomResourceDefinitionRemoved(ResourceType type, JsonObject crd)
    {
        if (type.StorageKey != "customresourcedefinitions.apiextensions.k8s.io")
        {
            return;
        }

        var key = Json.Name(crd);
        _catalog.SetCustom(key, null);
        foreach (var o in _store.List(key, null))
        {
            _store.Remove(key, o.Namespace, o.Name);
        }
    }
}
