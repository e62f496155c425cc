using RunnerConsole.Sandbox.Faults;

namespace RunnerConsole.Sandbox.Tests;

/// <summary>Fault rules and latency, as the real kubectl sees them.</summary>
public sealed class FaultTests(ToolsFixture tools) : IClassFixture<ToolsFixture>
{
    private static readonly string AppManifest = Path.Combine(AppContext.BaseDirectory, "Manifests", "app.yaml");

    [Fact]
    public async Task Injected_503_on_the_third_write_is_seen_by_kubectl()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Faults.Add(new FaultRule { Verb = "write", Nth = 3, StatusCode = 503 });
        var result = (await s.Kubectl("apply", "-f", AppManifest)).Fails();
        result.Shows("serviceaccount/web created").Shows("configmap/web-config created")
            .Shows("Error from server (ServiceUnavailable)").Shows("the server is currently unable to handle the request")
            .Shows("deployment.apps/web created");
        var writes = s.Server.Log.Entries.Where(e => e.Verb is "create" or "patch" or "update" or "delete").ToList();
        Assert.Equal(503, writes[2].Status);
        Assert.Equal("secrets", writes[2].Resource);
        Assert.Equal("503", writes[2].Fault);
    }

    [Fact]
    public async Task Latency_shows_in_the_request_log()
    {
        await using var s = await SandboxSession.StartAsync(tools, new SandboxOptions { Latency = TimeSpan.FromMilliseconds(120) });
        (await s.Kubectl("get", "namespaces")).Ok();
        var entries = s.Server.Log.Entries;
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(e.Duration >= TimeSpan.FromMilliseconds(110), e.ToString()));
        Assert.Contains(entries, e => e.Path == "/api/v1/namespaces" && e.Status == 200 && e.UserAgent.StartsWith("kubectl/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forbidden_reads_like_rbac_denial()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Faults.Add(new FaultRule { Verb = "list", Resource = "secrets", StatusCode = 403 });
        (await s.Kubectl("get", "secrets")).Fails()
            .Shows("Error from server (Forbidden): secrets is forbidden: User \"system:serviceaccount:sandbox:sandbox-user\" cannot list resource \"secrets\" in API group \"\" in the namespace \"default\"");
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_retry_after()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Faults.Add(new FaultRule { Verb = "get", Resource = "namespaces", StatusCode = 429, RetryAfterSeconds = 1, Times = 1 });
        (await s.Kubectl("get", "namespace", "default")).Ok().Shows("Active");
        var statuses = s.Server.Log.Entries.Where(e => e.Resource == "namespaces").Select(e => e.Status).ToList();
        Assert.Equal([429, 200], statuses);
    }

    [Fact]
    public async Task Conflict_fault_on_update()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("create", "configmap", "c", "--from-literal=a=1")).Ok();
        s.Server.Faults.Add(FaultRule.Error(409, verb: "patch", resource: "configmaps", name: "c"));
        (await s.Kubectl("label", "configmap", "c", "x=y")).Fails().Shows("Operation cannot be fulfilled on configmaps \"c\"");
    }

    [Fact]
    public async Task Dropped_connection_and_hang_fail_the_client()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Faults.Add(new FaultRule { Verb = "get", Resource = "configmaps", Action = FaultAction.Drop });
        s.Server.Faults.Add(new FaultRule { Verb = "list", Resource = "configmaps", Action = FaultAction.Hang });
        (await s.Kubectl("get", "configmap", "x")).Fails();
        var hung = (await s.KubectlRaw(TimeSpan.FromSeconds(20), "get", "configmaps", "--request-timeout=1s")).Fails();
        Assert.False(hung.TimedOut, hung.ToString());
        Assert.Contains(s.Server.Log.Entries, e => e.Fault == "drop");
    }

    [Fact]
    public async Task Resource_rules_leave_discovery_alone_and_path_rules_target_it()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Faults.Add(new FaultRule { Verb = "get", StatusCode = 500, Message = "boom" });
        (await s.Kubectl("get", "namespace", "default")).Fails().Shows("boom");
        s.Server.Faults.Clear();
        s.Server.Faults.Add(new FaultRule { Resource = "/version", StatusCode = 503 });
        (await s.Kubectl("version")).Fails().Shows("ServiceUnavailable");
    }

    [Fact]
    public void Fault_rules_parse_from_the_cli_form()
    {
        var rule = FaultRule.Parse("verb=write,resource=deployments,name=web,nth=3,action=503");
        Assert.Equal(new FaultRule { Verb = "write", Resource = "deployments", Name = "web", Nth = 3, StatusCode = 503 }, rule);
        Assert.Equal(FaultAction.Hang, FaultRule.Parse("action=hang").Action);
        Assert.Equal(7, FaultRule.Parse("action=429,retry-after=7").RetryAfterSeconds);
        Assert.Throws<FormatException>(() => FaultRule.Parse("colour=blue"));
    }
}
