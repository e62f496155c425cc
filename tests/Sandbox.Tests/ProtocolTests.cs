using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Tests;

/// <summary>The REST protocol details, over plain HTTP.</summary>
public sealed class ProtocolTests : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { ControllerDelay = TimeSpan.FromMilliseconds(10) }, Ct);
        _http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonNode.Parse(text) as JsonObject ?? new JsonObject());
    }

    private const string ConfigMap = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","labels":{"tier":"web","env":"prod"}},"data":{"a":"1"}}""";

    private async Task<JsonObject> GetAcceptingAsync(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    [Fact]
    public async Task List_AsPartialObjectMetadataList_CarriesMetadataOnly()
    {
        var secret = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s1","labels":{"app":"x"}},"data":{"token":"c2VjcmV0"}}""";
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets", secret)).Status);
        const string metadataFirst = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

        var list = await GetAcceptingAsync("/api/v1/namespaces/default/secrets", metadataFirst);
        var plain = await GetAcceptingAsync("/api/v1/namespaces/default/secrets", "application/json,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1");
        var one = await GetAcceptingAsync("/api/v1/namespaces/default/secrets/s1", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json");

        Assert.Equal("PartialObjectMetadataList", (string?)list["kind"]);
        Assert.Equal("meta.k8s.io/v1", (string?)list["apiVersion"]);
        var item = list["items"]!.AsArray().OfType<JsonObject>().Single(i => (string?)i["metadata"]!["name"] == "s1");
        Assert.Equal("PartialObjectMetadata", (string?)item["kind"]);
        Assert.Equal("x", (string?)item["metadata"]!["labels"]!["app"]);
        Assert.Null(item["data"]);
        Assert.DoesNotContain("c2VjcmV0", list.ToJsonString(), StringComparison.Ordinal);
        // The plain type listed first is preferred: the whole objects.
        Assert.Equal("SecretList", (string?)plain["kind"]);
        Assert.Contains("c2VjcmV0", plain.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("PartialObjectMetadata", (string?)one["kind"]);
        Assert.Null(one["data"]);
    }

    [Fact]
    public async Task Discovery_documents_have_the_kubernetes_shape()
    {
        var (_, version) = await SendAsync(HttpMethod.Get, "/version");
        Assert.Equal("v1.35.0", version["gitVersion"]!.ToString());
        var (_, api) = await SendAsync(HttpMethod.Get, "/api");
        Assert.Equal("APIVersions", api["kind"]!.ToString());
        var (_, apis) = await SendAsync(HttpMethod.Get, "/apis");
        var groups = apis["groups"]!.AsArray().Select(g => g!["name"]!.ToString()).ToList();
        Assert.Contains("apps", groups);
        Assert.Contains("rbac.authorization.k8s.io", groups);
        var (_, apps) = await SendAsync(HttpMethod.Get, "/apis/apps/v1");
        var resources = apps["resources"]!.AsArray().OfType<JsonObject>().ToList();
        var scale = resources.Single(r => r["name"]!.ToString() == "deployments/scale");
        Assert.Equal("autoscaling", scale["group"]!.ToString());
        Assert.Contains(resources, r => r["name"]!.ToString() == "deployments/status");
        Assert.Equal("deploy", resources.Single(r => r["name"]!.ToString() == "deployments")["shortNames"]![0]!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/apis/nope.example.com/v1")).Status);
        using var health = await _http.GetAsync("/healthz", Ct);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Create_get_update_with_optimistic_concurrency()
    {
        var (status, created) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", ConfigMap);
        Assert.Equal(HttpStatusCode.Created, status);
        var rv = created["metadata"]!["resourceVersion"]!.ToString();
        Assert.False(string.IsNullOrEmpty(created["metadata"]!["uid"]?.ToString()));
        Assert.NotNull(created["metadata"]!["creationTimestamp"]);

        var update = (JsonObject)created.DeepClone();
        update["data"]!["a"] = "2";
        var (ok, updated) = await SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cm", update.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.True(long.Parse(updated["metadata"]!["resourceVersion"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(rv, System.Globalization.CultureInfo.InvariantCulture));

        // Same stale resourceVersion again: 409 Conflict.
        var (conflict, status409) = await SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cm", update.ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Equal("Conflict", status409["reason"]!.ToString());
        Assert.Equal("Operation cannot be fulfilled on configmaps \"cm\": the object has been modified; please apply your changes to the latest version and try again", status409["message"]!.ToString());

        // Without resourceVersion: unconditional.
        ((JsonObject)update["metadata"]!).Remove("resourceVersion");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cm", update.ToJsonString())).Status);

        var (notFound, nf) = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/nope");
        Assert.Equal(HttpStatusCode.NotFound, notFound);
        Assert.Equal("""{"name":"nope","kind":"configmaps"}""", nf["details"]!.ToJsonString());
        Assert.Equal(404, (int)nf["code"]!);
    }

    [Fact]
    public async Task Admission_rejects_bad_names_missing_namespaces_and_mismatched_kinds()
    {
        var (invalid, body) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Not_Valid"}}""");
        Assert.Equal((HttpStatusCode)422, invalid);
        Assert.Equal("Invalid", body["reason"]!.ToString());
        var cause = body["details"]!["causes"]![0]!;
        Assert.Equal("FieldValueInvalid", cause["reason"]!.ToString());
        Assert.Equal("metadata.name", cause["field"]!.ToString());

        var (missing, nsBody) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/ghost/configmaps", ConfigMap);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("namespaces \"ghost\" not found", nsBody["message"]!.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", ConfigMap)).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps/cm", ConfigMap)).Status);
    }

    [Fact]
    public async Task Patch_types_dry_run_and_media_type_errors()
    {
        await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", ConfigMap);
        var (unsupported, body) = await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/cm", "{}", "application/xml");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported);
        Assert.Equal("UnsupportedMediaType", body["reason"]!.ToString());

        var (dry, dryBody) = await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/cm?dryRun=All", """{"data":{"a":"dry"}}""", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, dry);
        Assert.Equal("dry", dryBody["data"]!["a"]!.ToString());
        Assert.Equal("1", _server.GetObject("", "configmaps", "default", "cm")!["data"]!["a"]!.ToString());

        var (noManager, nm) = await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/cm", ConfigMap, "application/apply-patch+yaml");
        Assert.Equal((HttpStatusCode)422, noManager);
        Assert.Contains("fieldManager: Required value", nm["message"]!.ToString(), StringComparison.Ordinal);

        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fromyaml\ndata:\n  k: v\n";
        var (created, y) = await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/fromyaml?fieldManager=test", yaml, "application/apply-patch+yaml");
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("test", y["metadata"]!["managedFields"]![0]!["manager"]!.ToString());

        var (dryCreate, _) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?dryRun=All", ConfigMap.Replace("\"cm\"", "\"ghost\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, dryCreate);
        Assert.Null(_server.GetObject("", "configmaps", "default", "ghost"));
    }

    [Fact]
    public async Task List_selectors_and_pagination()
    {
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c" + i + "\",\"labels\":{\"n\":\"" + i + "\",\"even\":\"" + (i % 2 == 0) + "\"}}}");
        }

        async Task<List<string>> Names(string query)
        {
            var (_, list) = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?" + query);
            Assert.Equal("ConfigMapList", list["kind"]!.ToString());
            return list["items"]!.AsArray().Select(x => x!["metadata"]!["name"]!.ToString()).ToList();
        }

        Assert.Equal(["c0", "c2", "c4"], await Names("labelSelector=even%3DTrue"));
        Assert.Equal(["c1", "c3"], await Names("labelSelector=n%20in%20(1,3)"));
        Assert.Equal(["c0", "c2", "c4"], await Names("labelSelector=n%20notin%20(1,3),n"));
        Assert.Equal(["c4"], await Names("labelSelector=even!%3DFalse,n%3D4"));
        Assert.Equal(["c2"], await Names("fieldSelector=metadata.name%3Dc2"));
        Assert.Empty(await Names("labelSelector=!n"));

        var (_, page1) = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?limit=2");
        Assert.Equal(2, page1["items"]!.AsArray().Count);
        var token = page1["metadata"]!["continue"]!.ToString();
        Assert.Equal(3, (int)page1["metadata"]!["remainingItemCount"]!);
        var (_, page2) = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?limit=10&continue=" + Uri.EscapeDataString(token));
        Assert.Equal(["c2", "c3", "c4"], page2["items"]!.AsArray().Select(x => x!["metadata"]!["name"]!.ToString()));
    }

    private async Task<List<JsonObject>> WatchLinesAsync(string path, int count)
    {
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var lines = new List<JsonObject>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        while (lines.Count < count && await reader.ReadLineAsync(cts.Token) is { } line)
        {
            lines.Add((JsonObject)JsonNode.Parse(line)!);
        }

        return lines;
    }

    [Fact]
    public async Task Watch_list_sends_initial_events_then_the_bookmark()
    {
        await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", ConfigMap);
        var events = await WatchLinesAsync("/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true", 2);
        Assert.Equal("ADDED", events[0]["type"]!.ToString());
        Assert.Equal("cm", events[0]["object"]!["metadata"]!["name"]!.ToString());
        Assert.Equal("BOOKMARK", events[1]["type"]!.ToString());
        Assert.Equal("true", events[1]["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.ToString());
        Assert.Equal(_server.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), events[1]["object"]!["metadata"]!["resourceVersion"]!.ToString());

        var (invalid, body) = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true");
        Assert.Equal((HttpStatusCode)422, invalid);
        Assert.Equal("Invalid", body["reason"]!.ToString());
    }

    [Fact]
    public async Task Watch_resumes_from_a_resource_version_and_filters_by_label()
    {
        var (_, list) = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps");
        var rv = list["metadata"]!["resourceVersion"]!.ToString();
        await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", ConfigMap);
        await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}}""");
        await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/cm", """{"metadata":{"labels":{"tier":"db"}}}""", "application/merge-patch+json");
        var events = await WatchLinesAsync($"/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={rv}&labelSelector=tier%3Dweb", 2);
        // Added while it matched, then DELETED for this watch when its label stopped matching.
        Assert.Equal(["ADDED", "DELETED"], events.Select(e => e["type"]!.ToString()));
        Assert.All(events, e => Assert.Equal("cm", e["object"]!["metadata"]!["name"]!.ToString()));
    }

    [Fact]
    public async Task Generation_counts_spec_changes_only()
    {
        const string Deployment = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"d"}},"template":{"metadata":{"labels":{"app":"d"}},"spec":{"containers":[{"name":"c","image":"i:1"}]}}}}
            """;
        var (_, d) = await SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", Deployment);
        Assert.Equal(1, (int)d["metadata"]!["generation"]!);
        var (_, labelled) = await SendAsync(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/d", """{"metadata":{"labels":{"x":"y"}}}""", "application/merge-patch+json");
        Assert.Equal(1, (int)labelled["metadata"]!["generation"]!);
        var (_, scaled) = await SendAsync(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/d/scale", """{"spec":{"replicas":3}}""", "application/merge-patch+json");
        Assert.Equal("Scale", scaled["kind"]!.ToString());
        Assert.Equal(3, (int)scaled["spec"]!["replicas"]!);
        var live = _server.GetObject("apps", "deployments", "default", "d")!;
        Assert.Equal(2, (int)live["metadata"]!["generation"]!);

        // Status through the main resource is ignored; through /status it is kept.
        var withStatus = (JsonObject)live.DeepClone();
        withStatus["status"] = new JsonObject { ["replicas"] = 99 };
        ((JsonObject)withStatus["metadata"]!).Remove("resourceVersion");
        var (_, put) = await SendAsync(HttpMethod.Put, "/apis/apps/v1/namespaces/default/deployments/d", withStatus.ToJsonString());
        Assert.NotEqual(99, (int?)put["status"]?["replicas"]);
    }

    [Fact]
    public async Task Finalizers_delay_deletion_and_owners_cascade()
    {
        await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"held","finalizers":["example.com/hold"]}}""");
        var (deleting, held) = await SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/held");
        Assert.Equal(HttpStatusCode.OK, deleting);
        Assert.NotNull(held["metadata"]!["deletionTimestamp"]);
        Assert.NotNull(_server.GetObject("", "configmaps", "default", "held"));
        await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/held", """{"metadata":{"finalizers":null}}""", "application/merge-patch+json");
        Assert.Null(_server.GetObject("", "configmaps", "default", "held"));

        var (_, owner) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owner"}}""");
        var uid = owner["metadata"]!["uid"]!.ToString();
        foreach (var name in new[] { "child1", "child2" })
        {
            await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
                $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"{{{uid}}}"}]}}""");
        }

        var (_, status) = await SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/owner", """{"propagationPolicy":"Background"}""");
        Assert.Equal("Success", status["status"]!.ToString());
        Assert.Null(_server.GetObject("", "configmaps", "default", "child1"));
        Assert.Null(_server.GetObject("", "configmaps", "default", "child2"));
    }

    [Fact]
    public async Task Custom_resource_definitions_serve_their_resources()
    {
        const string Crd = """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","singular":"widget","kind":"Widget","shortNames":["wd"]},
             "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
            """;
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Crd)).Status);
        var (_, group) = await SendAsync(HttpMethod.Get, "/apis/example.com/v1");
        Assert.Equal("widgets", group["resources"]![0]!["name"]!.ToString());
        var (created, _) = await SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"size":3}}""");
        Assert.Equal(HttpStatusCode.Created, created);
        var (smp, _) = await SendAsync(HttpMethod.Patch, "/apis/example.com/v1/namespaces/default/widgets/w1", """{"spec":{"size":4}}""", "application/strategic-merge-patch+json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, smp);
        await SendAsync(HttpMethod.Delete, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/apis/example.com/v1/namespaces/default/widgets/w1")).Status);
    }

    [Fact]
    public async Task State_file_round_trips_the_store()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rc-sandbox-state-{Guid.NewGuid():N}.json");
        try
        {
            await using (var first = await SandboxServer.StartAsync(new SandboxOptions { StatePath = path }, Ct))
            {
                using var http = new HttpClient { BaseAddress = first.BaseAddress };
                using var content = new StringContent(ConfigMap, Encoding.UTF8, "application/json");
                (await http.PostAsync("/api/v1/namespaces/default/configmaps", content, Ct)).EnsureSuccessStatusCode();
            }

            Assert.True(File.Exists(path));
            await using var second = await SandboxServer.StartAsync(new SandboxOptions { StatePath = path }, Ct);
            Assert.Equal("1", second.GetObject("", "configmaps", "default", "cm")!["data"]!["a"]!.ToString());
            Assert.True(second.ResourceVersion >= long.Parse(second.GetObject("", "configmaps", "default", "cm")!["metadata"]!["resourceVersion"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Sandboxes_start_fast_and_small()
    {
        var times = new List<double>();
        var servers = new List<SandboxServer>();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var sw = Stopwatch.StartNew();
                var s = await SandboxServer.StartAsync(cancellationToken: Ct);
                using var http = new HttpClient { BaseAddress = s.BaseAddress };
                (await http.GetAsync("/version", Ct)).EnsureSuccessStatusCode();
                times.Add(sw.Elapsed.TotalMilliseconds);
                servers.Add(s);
            }

            var perSandbox = (GC.GetTotalMemory(forceFullCollection: true) - before) / servers.Count;
            times.Sort();
            var median = times[times.Count / 2];
            TestContext.Current.TestOutputHelper?.WriteLine($"start to first answer: median {median:0.0} ms, max {times[^1]:0.0} ms; managed memory per sandbox {perSandbox / 1024} KiB");
            Assert.True(median < 250, $"median start {median:0.0} ms (target < 50 ms)");
            Assert.True(perSandbox < 30 * 1024 * 1024, $"{perSandbox} bytes per sandbox");
        }
        finally
        {
            foreach (var s in servers)
            {
                await s.DisposeAsync();
            }
        }
    }
}
