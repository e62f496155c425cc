namespace RunnerConsole.Sandbox.Tests.Conformance;

/// <summary>The real helm 4 (.tools/bin) against a fresh sandbox: the whole release lifecycle.</summary>
public sealed class HelmConformanceTests(ToolsFixture tools) : IClassFixture<ToolsFixture>
{
    private async Task<string> CreateChartAsync(SandboxSession s)
    {
        var dir = Path.Combine(tools.Runner.Home, $"charts-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        (await tools.Runner.RunAsync("helm", ["create", "mychart"], workingDirectory: dir, cancellationToken: TestContext.Current.CancellationToken)).Ok();
        return Path.Combine(dir, "mychart");
    }

    [Fact]
    public async Task Install_upgrade_history_rollback_manifest_uninstall()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        var chart = await CreateChartAsync(s);

        (await s.Helm("install", "demo", chart)).Ok().Shows("STATUS: deployed").Shows("REVISION: 1");
        (await s.Helm("list")).Ok().Shows("demo").Shows("deployed").Shows("mychart-0.1.0");
        (await s.Kubectl("get", "deployment", "demo-mychart", "-o", "jsonpath={.metadata.labels.app\\.kubernetes\\.io/managed-by}")).Ok().Shows("Helm");
        (await s.Kubectl("get", "deployment", "demo-mychart", "-o", "yaml", "--show-managed-fields")).Ok().Shows("manager: helm");

        (await s.Helm("upgrade", "demo", chart, "--set", "replicaCount=3")).Ok().Shows("has been upgraded").Shows("REVISION: 2");
        (await s.Kubectl("rollout", "status", "deployment/demo-mychart", "--timeout=20s")).Ok();
        (await s.Kubectl("get", "deployment", "demo-mychart", "-o", "jsonpath={.status.readyReplicas}")).Ok().Shows("3");

        var history = (await s.Helm("history", "demo")).Ok();
        history.Shows("superseded").Shows("Install complete").Shows("Upgrade complete");
        Assert.Equal(3, history.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        (await s.Helm("rollback", "demo", "1")).Ok().Shows("Rollback was a success");
        (await s.Kubectl("get", "deployment", "demo-mychart", "-o", "jsonpath={.spec.replicas}")).Ok().Shows("1");
        (await s.Helm("history", "demo")).Ok().Shows("Rollback to 1");

        (await s.Helm("get", "manifest", "demo")).Ok().Shows("# Source: mychart/templates/deployment.yaml").Shows("kind: Service");

        var secrets = (await s.Kubectl("get", "secrets", "-l", "owner=helm", "-o", "name")).Ok();
        secrets.Shows("secret/sh.helm.release.v1.demo.v1").Shows("secret/sh.helm.release.v1.demo.v2").Shows("secret/sh.helm.release.v1.demo.v3");
        (await s.Kubectl("get", "secrets", "-l", "owner=helm,status=deployed", "-o", "name")).Ok().Shows("sh.helm.release.v1.demo.v3").DoesNotShow("demo.v1");

        (await s.Helm("uninstall", "demo")).Ok().Shows("release \"demo\" uninstalled");
        (await s.Kubectl("get", "secrets", "-l", "owner=helm", "-o", "name")).Ok().DoesNotShow("sh.helm.release");
        (await s.Kubectl("get", "deployment", "demo-mychart")).Fails().Shows("NotFound");
    }

    [Fact]
    public async Task Install_with_wait_returns_once_the_rollout_completes()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        var chart = await CreateChartAsync(s);
        (await s.Helm("install", "waited", chart, "--wait", "--timeout", "30s", "--create-namespace", "-n", "apps")).Ok().Shows("STATUS: deployed");
        (await s.Kubectl("get", "deployment", "waited-mychart", "-n", "apps")).Ok().Shows("1/1");
        (await s.Helm("uninstall", "waited", "-n", "apps", "--wait")).Ok();
    }

    [Fact]
    public async Task Failed_upgrade_keeps_the_old_pods_and_rollback_recovers()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        var chart = await CreateChartAsync(s);
        (await s.Helm("install", "app", chart, "--set", "replicaCount=2", "--wait", "--timeout", "30s")).Ok();
        (await s.Helm("upgrade", "app", chart, "--set", "replicaCount=2", "--set", "podAnnotations.sandbox\\.runner-console\\.io/behavior=never-ready",
            "--wait", "--timeout", "2s")).Fails().Shows("UPGRADE FAILED").Shows("not ready");
        (await s.Helm("history", "app")).Ok().Shows("failed");
        var pods = (await s.Kubectl("get", "pods", "-l", "app.kubernetes.io/instance=app")).Ok();
        pods.Shows("ImagePullBackOff").Shows("Running");
        (await s.Kubectl("rollout", "status", "deployment/app-mychart", "--timeout=1s")).Fails().Shows("old replicas are pending termination");
        (await s.Helm("rollback", "app", "1", "--wait", "--timeout", "30s")).Ok();
        (await s.Kubectl("get", "pods", "-l", "app.kubernetes.io/instance=app")).Ok().DoesNotShow("ImagePullBackOff");
        (await s.Helm("history", "app")).Ok().Shows("Rollback to 1").Shows("deployed");
    }

    [Fact]
    public async Task Helm_test_hook_pods_run_to_completion()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        var chart = await CreateChartAsync(s);
        (await s.Helm("install", "tested", chart, "--wait", "--timeout", "30s")).Ok();
        (await s.Helm("test", "tested", "--timeout", "30s")).Ok().Shows("Phase:          Succeeded");
    }
}
