using k8s;
using k8s.Autorest;
using k8s.Models;

namespace RunnerConsole.Sandbox.Tests;

/// <summary>Our own client (KubernetesClient) against the sandbox: typed create, list, patch, apply, watch.</summary>
public sealed class KubernetesClientTests
{
    private static async Task<(SandboxServer Server, Kubernetes Client)> StartAsync()
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { ControllerDelay = TimeSpan.FromMilliseconds(10) }, TestContext.Current.CancellationToken);
        var path = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"rc-sandbox-{Guid.NewGuid():N}", "config"));
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: SandboxServer.ContextName);
        return (server, new Kubernetes(config));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Typed_create_list_patch_apply_and_watch()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;

        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings", Labels = new Dictionary<string, string> { ["tier"] = "a" } }, Data = new Dictionary<string, string> { ["k"] = "v" } },
            "default", cancellationToken: Ct);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.False(string.IsNullOrEmpty(created.Metadata.ResourceVersion));

        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "tier in (a,b)", cancellationToken: Ct);
        Assert.Equal("settings", Assert.Single(list.Items).Metadata.Name);
        Assert.Empty((await client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "tier!=a", cancellationToken: Ct)).Items);
        Assert.Single((await client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "metadata.name=settings", cancellationToken: Ct)).Items);

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k2":"v2"}}""", V1Patch.PatchType.MergePatch), "settings", "default", cancellationToken: Ct);
        Assert.Equal("v2", patched.Data["k2"]);

        var applied = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api"},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"api"}},
                 "template":{"metadata":{"labels":{"app":"api"}},"spec":{"containers":[{"name":"api","image":"api:1"}]}}}}
                """, V1Patch.PatchType.ApplyPatch),
            "api", "default", fieldManager: "runner-console", force: true, cancellationToken: Ct);
        Assert.Equal(2, applied.Spec.Replicas);
        Assert.Contains(applied.Metadata.ManagedFields, m => m.Manager == "runner-console" && m.Operation == "Apply");

        // Watch from the list's resourceVersion: the next change arrives as an event.
        var rv = (await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Metadata.ResourceVersion;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        var received = new List<(WatchEventType, string)>();
        var watchTask = Task.Run(async () =>
        {
            await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: rv, cancellationToken: cts.Token))
            {
                received.Add((type, item.Metadata.Name));
                if (type == WatchEventType.Deleted)
                {
                    break;
                }
            }
        }, Ct);
        await Task.Delay(200, Ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "later" } }, "default", cancellationToken: Ct);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("later", "default", cancellationToken: Ct);
        await watchTask;
        Assert.Equal([(WatchEventType.Added, "later"), (WatchEventType.Deleted, "later")], received);
    }

    [Fact]
    public async Task Errors_surface_as_http_operation_exceptions_with_status()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedSecretAsync("missing", "default", cancellationToken: Ct));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.Response.StatusCode);
        Assert.Contains("\"reason\":\"NotFound\"", ex.Response.Content, StringComparison.Ordinal);

        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, "default", cancellationToken: Ct);
        var stale = await client.CoreV1.ReadNamespacedConfigMapAsync("c", "default", cancellationToken: Ct);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"a":"1"}}""", V1Patch.PatchType.MergePatch), "c", "default", cancellationToken: Ct);
        stale.Data = new Dictionary<string, string> { ["b"] = "2" };
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(stale, "c", "default", cancellationToken: Ct));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("the object has been modified", conflict.Response.Content, StringComparison.Ordinal);
    }
}
