using System.Diagnostics;
using RunnerConsole.Sandbox.Controllers;

namespace RunnerConsole.Sandbox.Tests.Conformance;

/// <summary>The real kubectl (1.35, .tools/bin) against a fresh sandbox per test.</summary>
public sealed class KubectlConformanceTests(ToolsFixture tools) : IClassFixture<ToolsFixture>
{
    private static readonly string AppManifest = Path.Combine(AppContext.BaseDirectory, "Manifests", "app.yaml");

    private static readonly string[] AppObjects =
    [
        "serviceaccount/web", "configmap/web-config", "secret/web-secret", "deployment.apps/web", "service/web",
        "role.rbac.authorization.k8s.io/web", "rolebinding.rbac.authorization.k8s.io/web", "cronjob.batch/nightly",
    ];

    [Fact]
    public async Task Version_reports_the_server_version()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("version")).Ok().Shows("Server Version: v1.35.0");
    }

    [Fact]
    public async Task Api_resources_lists_the_served_kinds()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        var result = (await s.Kubectl("api-resources")).Ok();
        foreach (var line in new[] { "deployments", "statefulsets", "cronjobs", "customresourcedefinitions", "poddisruptionbudgets", "leases", "networkpolicies", "rolebindings" })
        {
            result.Shows(line);
        }

        result.Shows("apps/v1").Shows("Deployment");
        (await s.Kubectl("api-resources", "--api-group=apps", "-o", "name")).Ok().Shows("deployments.apps");
    }

    [Fact]
    public async Task Create_namespace_then_get_it()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("create", "namespace", "demo")).Ok().Shows("namespace/demo created");
        (await s.Kubectl("get", "namespace", "demo")).Ok().Shows("Active");
        (await s.Kubectl("create", "namespace", "demo")).Fails().Shows("Error from server (AlreadyExists): namespaces \"demo\" already exists");
        (await s.Kubectl("create", "namespace", "Bad_Name")).Fails().Shows("The Namespace \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\"");
    }

    [Fact]
    public async Task Client_side_apply_of_a_multi_document_file()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        var first = (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        foreach (var o in AppObjects)
        {
            first.Shows($"{o} created");
        }

        var again = (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        foreach (var o in AppObjects.Where(o => o != "secret/web-secret"))
        {
            again.Shows($"{o} unchanged");
        }

        // stringData is write-only: like a real cluster, kubectl re-sends it and reports the Secret configured.
        again.Shows("secret/web-secret configured");

        (await s.Kubectl("get", "secret", "web-secret", "-o", "jsonpath={.data.password}")).Ok().Shows("czNjcmV0");
    }

    [Fact]
    public async Task Server_side_apply_of_a_multi_document_file_records_managed_fields()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        var result = (await s.Kubectl("apply", "--server-side", "-f", AppManifest)).Ok();
        foreach (var o in AppObjects)
        {
            result.Shows($"{o} serverside-applied");
        }

        (await s.Kubectl("get", "deployment", "web", "-o", "yaml", "--show-managed-fields")).Ok()
            .Shows("managedFields:").Shows("manager: kubectl").Shows("operation: Apply").Shows("f:replicas: {}");
        (await s.Kubectl("apply", "--server-side", "-f", AppManifest)).Ok().Shows("deployment.apps/web serverside-applied");
    }

    [Fact]
    public async Task Diff_after_a_change_exits_1_with_the_hunk()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        (await s.Kubectl("diff", "-f", AppManifest)).Ok();
        var changed = Path.Combine(tools.Runner.Home, $"changed-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(AppManifest, TestContext.Current.CancellationToken)).Replace("replicas: 2", "replicas: 5", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var diff = await s.Kubectl("diff", "-f", changed);
        Assert.True(diff.ExitCode == 1, diff.ToString());
        diff.Shows("-  replicas: 2").Shows("+  replicas: 5").Shows("apps.v1.Deployment.default.web").DoesNotShow("ConfigMap");
    }

    [Fact]
    public async Task Server_side_apply_conflicts_with_another_manager_unless_forced()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("apply", "--server-side", "-f", AppManifest)).Ok();
        const string Other = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 7
            """;
        (await s.KubectlStdin(Other, "apply", "--server-side", "--field-manager=autoscaler", "-f", "-")).Fails()
            .Shows("conflict with \"kubectl\"").Shows(".spec.replicas").Shows("--force-conflicts");
        (await s.KubectlStdin(Other, "apply", "--server-side", "--field-manager=autoscaler", "--force-conflicts", "-f", "-")).Ok()
            .Shows("deployment.apps/web serverside-applied");
        (await s.Kubectl("get", "deployment", "web", "-o", "jsonpath={.spec.replicas}")).Ok().Shows("7");
        (await s.Kubectl("get", "deployment", "web", "-o", "yaml", "--show-managed-fields")).Ok().Shows("manager: autoscaler");
    }

    [Fact]
    public async Task Scale_then_rollout_status()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        (await s.Kubectl("scale", "deployment/web", "--replicas=4")).Ok().Shows("deployment.apps/web scaled");
        (await s.Kubectl("rollout", "status", "deployment/web", "--timeout=20s")).Ok().Shows("successfully rolled out");
        (await s.Kubectl("get", "deployment", "web")).Ok().Shows("4/4");
        (await s.Kubectl("get", "pods", "-l", "app=web", "-o", "name")).Ok();
        Assert.Equal(4, s.Server.ListObjects("", "pods", "default").Count(p => p["metadata"]!["labels"]!["app"]!.ToString() == "web"));
    }

    [Fact]
    public async Task Patch_merge_json_and_strategic()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        (await s.Kubectl("patch", "configmap", "web-config", "--type", "merge", "-p", """{"data":{"extra":"1"}}""")).Ok().Shows("configmap/web-config patched");
        (await s.Kubectl("patch", "configmap", "web-config", "--type", "json", "-p", """[{"op":"replace","path":"/data/mode","value":"dev"}]""")).Ok();
        (await s.Kubectl("get", "configmap", "web-config", "-o", "jsonpath={.data.mode}/{.data.extra}")).Ok().Shows("dev/1");
        (await s.Kubectl("patch", "deployment", "web", "--type", "strategic", "-p",
            """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}""")).Ok().Shows("deployment.apps/web patched");
        (await s.Kubectl("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[*].name}")).Ok().Shows("web sidecar");
        (await s.Kubectl("patch", "configmap", "web-config", "--type", "json", "-p", """[{"op":"remove","path":"/data/missing"}]""")).Fails();
        (await s.Kubectl("patch", "configmap", "web-config", "--type", "merge", "-p", """{"data":{"mode":"x"}}""", "--dry-run=server")).Ok();
        (await s.Kubectl("get", "configmap", "web-config", "-o", "jsonpath={.data.mode}")).Ok().Shows("dev");
    }

    [Fact]
    public async Task Delete_then_get_is_not_found()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        (await s.Kubectl("rollout", "status", "deployment/web", "--timeout=20s")).Ok();
        (await s.Kubectl("delete", "deployment", "web")).Ok().Shows("deployment.apps \"web\" deleted");
        (await s.Kubectl("get", "deployment", "web")).Fails().Shows("Error from server (NotFound): deployments.apps \"web\" not found");
        Assert.DoesNotContain(s.Server.ListObjects("", "pods", "default"), p => p["metadata"]!["labels"]?["app"]?.ToString() == "web");
        (await s.Kubectl("delete", "-f", AppManifest, "--ignore-not-found")).Ok();
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_its_contents()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("create", "namespace", "team")).Ok();
        (await s.Kubectl("apply", "-n", "team", "-f", AppManifest)).Ok();
        (await s.Kubectl("delete", "namespace", "team", "--timeout=20s")).Ok().Shows("namespace \"team\" deleted");
        Assert.Empty(s.Server.ListObjects("", "configmaps", "team"));
        (await s.Kubectl("apply", "-n", "team", "-f", AppManifest)).Fails().Shows("namespaces \"team\" not found");
    }

    [Fact]
    public async Task Get_watch_receives_an_event()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        var watch = s.KubectlRaw(TimeSpan.FromSeconds(4), "get", "configmaps", "--watch", "--output-watch-events");
        await Task.Delay(1200, TestContext.Current.CancellationToken);
        (await s.Kubectl("create", "configmap", "announced", "--from-literal=a=b")).Ok();
        var result = await watch;
        result.Shows("ADDED").Shows("announced");
    }

    [Fact]
    public async Task Rollout_status_waits_for_the_simulated_rollout()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Controllers.SetBehavior("Deployment", "default", "web", WorkloadBehavior.TakesTime(TimeSpan.FromSeconds(1.5)));
        (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        var sw = Stopwatch.StartNew();
        (await s.Kubectl("rollout", "status", "deployment/web", "--timeout=20s")).Ok().Shows("deployment \"web\" successfully rolled out");
        Assert.True(sw.Elapsed > TimeSpan.FromSeconds(0.8), $"rollout status returned after {sw.Elapsed}, before the simulated rollout finished");
    }

    [Fact]
    public async Task Never_ready_deployment_fails_its_progress_deadline_with_the_pod_reason_visible()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Controllers.SetBehavior("Deployment", "default", "web", WorkloadBehavior.NeverReady("ImagePullBackOff"));
        var manifest = (await File.ReadAllTextAsync(AppManifest, TestContext.Current.CancellationToken))
            .Replace("  replicas: 2\n", "  replicas: 2\n  progressDeadlineSeconds: 1\n", StringComparison.Ordinal);
        (await s.KubectlStdin(manifest, "apply", "-f", "-")).Ok();
        (await s.Kubectl("rollout", "status", "deployment/web", "--timeout=20s")).Fails().Shows("exceeded its progress deadline");
        (await s.Kubectl("get", "pods", "-l", "app=web")).Ok().Shows("ImagePullBackOff").Shows("0/1");
    }

    [Fact]
    public async Task Crash_looping_pods_show_growing_restart_counts()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Controllers.SetBehavior("Deployment", "default", "web", WorkloadBehavior.CrashLoop(TimeSpan.FromMilliseconds(200)));
        (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var pods = (await s.Kubectl("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.containerStatuses[0].restartCount}")).Ok();
        Assert.All(pods.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries), n => Assert.True(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) >= 2, pods.ToString()));
        (await s.Kubectl("get", "pods", "-l", "app=web")).Ok().Shows("CrashLoopBackOff");
    }

    [Fact]
    public async Task Errors_read_like_kubernetes()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("get", "deployment", "nope")).Fails().Shows("Error from server (NotFound): deployments.apps \"nope\" not found");
        (await s.Kubectl("create", "configmap", "x", "-n", "missing")).Fails().Shows("namespaces \"missing\" not found");
        (await s.Kubectl("apply", "-n", "missing", "-f", AppManifest)).Fails().Shows("Error from server (NotFound): error when creating").Shows("namespaces \"missing\" not found");
        (await s.Kubectl("create", "configmap", "x")).Ok();
        (await s.Kubectl("create", "configmap", "x")).Fails().Shows("configmaps \"x\" already exists");
        (await s.Kubectl("create", "-f", AppManifest)).Ok();
        (await s.Kubectl("create", "-f", AppManifest)).Fails().Shows("Error from server (AlreadyExists): error when creating").Shows("configmaps \"web-config\" already exists");
        const string Bad = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: bad
            spec:
              selector:
                matchLabels: {app: one}
              template:
                metadata:
                  labels: {app: two}
                spec:
                  containers: [{name: c, image: busybox}]
            """;
        (await s.KubectlStdin(Bad, "apply", "-f", "-")).Fails()
            .Shows("The Deployment \"bad\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"two\"}: `selector` does not match template `labels`");
    }

    [Fact]
    public async Task Jobs_complete_and_cronjobs_record_their_schedule()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        (await s.Kubectl("create", "job", "once", "--image=busybox")).Ok().Shows("job.batch/once created");
        (await s.Kubectl("wait", "--for=condition=complete", "job/once", "--timeout=20s")).Ok().Shows("condition met");
        var job = s.Server.Controllers.TriggerCronJob("default", "nightly");
        (await s.Kubectl("wait", "--for=condition=complete", $"job/{job}", "--timeout=20s")).Ok();
        (await s.Kubectl("get", "cronjob", "nightly", "-o", "jsonpath={.status.lastScheduleTime}")).Ok().Shows("T");
    }

    [Fact]
    public async Task Rollout_history_and_undo()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        (await s.Kubectl("apply", "-f", AppManifest)).Ok();
        (await s.Kubectl("rollout", "status", "deployment/web", "--timeout=20s")).Ok();
        (await s.Kubectl("set", "image", "deployment/web", "web=nginx:1.28")).Ok().Shows("image updated");
        (await s.Kubectl("rollout", "status", "deployment/web", "--timeout=20s")).Ok();
        (await s.Kubectl("rollout", "history", "deployment/web")).Ok().Shows("1 ").Shows("2 ");
        (await s.Kubectl("rollout", "undo", "deployment/web")).Ok().Shows("rolled back");
        (await s.Kubectl("rollout", "status", "deployment/web", "--timeout=20s")).Ok();
        (await s.Kubectl("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Ok().Shows("nginx:1.27");
        (await s.Kubectl("describe", "deployment", "web")).Ok().Shows("ScalingReplicaSet").Shows("MinimumReplicasAvailable");
        (await s.Kubectl("logs", "deployment/web")).Ok().Shows("simulated container web");
        (await s.Kubectl("get", "events", "--sort-by=.lastTimestamp")).Ok().Shows("ScalingReplicaSet").Shows("deployment/web");
        (await s.Kubectl("get", "pods", "-l", "app=web", "-o", "custom-columns=NAME:.metadata.name,PHASE:.status.phase")).Ok().Shows("Running");
    }

    [Fact]
    public async Task Custom_resources_through_kubectl()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        const string Crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
            """;
        const string Widget = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w1
            spec:
              size: 3
            """;
        (await s.KubectlStdin(Crd, "apply", "--server-side", "-f", "-")).Ok().Shows("customresourcedefinition.apiextensions.k8s.io/widgets.example.com serverside-applied");
        (await s.Kubectl("wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=20s")).Ok();
        (await s.KubectlStdin(Widget, "apply", "--server-side", "-f", "-")).Ok().Shows("widget.example.com/w1 serverside-applied");
        (await s.Kubectl("get", "wd")).Ok().Shows("w1");
        (await s.Kubectl("get", "widget", "w1", "-o", "jsonpath={.spec.size}")).Ok().Shows("3");
    }

    [Fact]
    public async Task Auth_can_i_and_whoami()
    {
        await using var s = await SandboxSession.StartAsync(tools);
        s.Server.Faults.Add(new Faults.FaultRule { Verb = "delete", Resource = "secrets", StatusCode = 403 });
        (await s.Kubectl("auth", "can-i", "create", "deployments")).Ok().Shows("yes");
        (await s.Kubectl("auth", "can-i", "delete", "secrets")).Fails().Shows("no");
        (await s.Kubectl("auth", "whoami")).Ok().Shows(SandboxServer.UserName);
    }
}
