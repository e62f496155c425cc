using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Patching;
using static RunnerConsole.Sandbox.Tests.Patching.TestObjects;

namespace RunnerConsole.Sandbox.Tests.Patching;

/// <summary>Sequences of writes as kubectl and helm issue them, through the functions the server calls.</summary>
public sealed class ScenarioTests
{
    private static JsonObject Smp(JsonObject live, string patch, string manager, DateTimeOffset now)
    {
        var after = StrategicMergePatch.Apply(live, Node(patch))!.AsObject();
        FieldManagement.RecordUpdate(live, after, manager, now);
        return after;
    }

    private static string[] Managers(JsonObject obj) =>
        obj["metadata"]?["managedFields"]?.AsArray().Select(e => $"{e!["manager"]}/{e["operation"]}").ToArray() ?? [];

    [Fact]
    public void ClientSideApplyThenServerSideApply_ConflictsOnChangedReplicasOnly()
    {
        // Created by client-side apply (an Update by kubectl-client-side-apply) whose annotation is gone, so the
        // last-applied upgrade path does not apply.
        var created = Deployment();
        FieldManagement.RecordUpdate(null, created, "kubectl-client-side-apply", T0);

        // kubectl apply --server-side with the same manifest: shared ownership, nothing changes.
        var same = FieldManagement.Apply(created, Deployment(), "kubectl", false, T1);
        Assert.Empty(same.Conflicts);
        Assert.Equal(["kubectl/Apply", "kubectl-client-side-apply/Update"], Managers(same.Object!));

        // ... with replicas changed: Kubernetes' conflict.
        var changed = FieldManagement.Apply(same.Object, Deployment(replicas: 5), "kubectl", false, T1);
        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas",
            changed.ConflictMessage);

        // --force-conflicts takes it.
        var forced = FieldManagement.Apply(same.Object, Deployment(replicas: 5), "kubectl", true, T1);
        Assert.Equal(5, (int)forced.Object!["spec"]!["replicas"]!);
        var csa = forced.Object["metadata"]!["managedFields"]!.AsArray().Single(e => (string)e!["manager"]! == "kubectl-client-side-apply")!;
        Assert.Null(csa["fieldsV1"]!["f:spec"]!["f:replicas"]);
    }

    [Fact]
    public void ClientSideApplyThenKubectlServerSide_LastAppliedAllowsTakeover()
    {
        // As Kubernetes' lastAppliedManager: kubectl switching to --server-side over its own client-side apply
        // takes the fields whose live value still equals last-applied-configuration.
        var manifest = Deployment();
        var created = Deployment();
        created["metadata"]!["annotations"] = new JsonObject
        {
            ["kubectl.kubernetes.io/last-applied-configuration"] = manifest.ToJsonString(),
        };
        FieldManagement.RecordUpdate(null, created, "kubectl-client-side-apply", T0);

        var ssa = FieldManagement.Apply(created, Deployment("nginx:1.28", replicas: 5), "kubectl", false, T1);
        Assert.Empty(ssa.Conflicts);
        Assert.Equal(5, (int)ssa.Object!["spec"]!["replicas"]!);

        // The server keeps the annotation in step with what kubectl applied (sorted compact JSON and a newline).
        var annotation = (string)ssa.Object["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!;
        Assert.StartsWith("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"labels\":{\"app\":\"web\"},\"name\":\"web\"", annotation, StringComparison.Ordinal);
        Assert.EndsWith("}\n", annotation, StringComparison.Ordinal);
        Assert.Contains("\"replicas\":5", annotation, StringComparison.Ordinal);

        // Another manager name gets the conflicts.
        var other = FieldManagement.Apply(created, Deployment("nginx:1.28", replicas: 5), "argocd", false, T1);
        Assert.Equal(2, other.Conflicts.Count);

        // After kubectl scale (live differs from last-applied), replicas conflicts again; the image does not.
        var scaled = created.DeepClone().AsObject();
        scaled["spec"]!["replicas"] = 3;
        FieldManagement.RecordUpdate(created, scaled, "kubectl-scale", T1);
        var again = FieldManagement.Apply(scaled, Deployment("nginx:1.28", replicas: 5), "kubectl", false, T1);
        Assert.Equal([new FieldConflict("kubectl-scale", ".spec.replicas")], again.Conflicts);
    }

    [Fact]
    public void KubectlClientSideApply_SmpUpdates_MoveOnlyChangedFields()
    {
        var live = Deployment();
        FieldManagement.RecordUpdate(null, live, "kubectl-client-side-apply", T0);
        var next = Smp(live, "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'app'}],'containers':[{'name':'app','image':'nginx:1.28'}]}}}}", "kubectl-edit", T1);

        Assert.Equal(["kubectl-client-side-apply/Update", "kubectl-edit/Update"], Managers(next));
        AssertJsonText("""
            {"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{"f:image":{}}}}}}}
            """, next["metadata"]!["managedFields"]![1]!["fieldsV1"]);
    }

    [Fact]
    public void Helm_InstallUpgrade_PrunesRemovedFieldsAndScaleConflicts()
    {
        var v1 = Deployment();
        v1["spec"]!["template"]!["spec"]!["containers"]![0]!["args"] = new JsonArray("--verbose");
        var installed = FieldManagement.Apply(null, v1, "helm", false, T0).Object!;

        // kubectl scale (an Update by "kubectl") takes replicas.
        var scaled = installed.DeepClone().AsObject();
        scaled["spec"]!["replicas"] = 4;
        FieldManagement.RecordUpdate(installed, scaled, "kubectl", T1);

        // helm upgrade with a chart that drops args and still says replicas: 2 -> conflict (helm 4 default force=false)
        var v2 = Deployment();
        var conflict = FieldManagement.Apply(scaled, v2, "helm", false, T1);
        Assert.Equal([new FieldConflict("kubectl", ".spec.replicas")], conflict.Conflicts);

        // a chart that leaves replicas out upgrades cleanly: args pruned, replicas kept at the scaled value.
        v2["spec"]!.AsObject().Remove("replicas");
        var upgraded = FieldManagement.Apply(scaled, v2, "helm", false, T1).Object!;
        Assert.Equal(4, (int)upgraded["spec"]!["replicas"]!);
        Assert.Null(upgraded["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]);
        Assert.Equal(["helm/Apply", "kubectl/Update"], Managers(upgraded));
    }

    [Fact]
    public void KubectlCsaUpgrade_JsonPatchOfManagedFields_IsHonoured()
    {
        var live = Deployment();
        live["metadata"]!["resourceVersion"] = "12";
        FieldManagement.RecordUpdate(null, live, "kubectl-client-side-apply", T0);
        var entry = live["metadata"]!["managedFields"]![0]!.DeepClone().AsObject();
        entry["manager"] = "kubectl";
        entry["operation"] = "Apply";
        var ops = new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = "12" },
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/managedFields", ["value"] = new JsonArray(entry) });

        var after = JsonPatch.Apply(live, ops)!.AsObject();
        FieldManagement.RecordUpdate(live, after, "kubectl", T1);

        Assert.Equal(["kubectl/Apply"], Managers(after));
    }

    [Fact]
    public void ApplyOfGeneratedManifest_OwnsEmptyAndNullFieldsAsKubernetes()
    {
        // kubectl create deployment --dry-run=client -o yaml output: resources: {}, creationTimestamp: null, status: {}
        var applied = Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"strategy":{},
               "template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}}},
             "status":{}}
            """);
        var obj = FieldManagement.Apply(null, applied, "kubectl", false, T0).Object!;
        AssertJsonText("""
            {"f:metadata":{"f:labels":{"f:app":{}}},
             "f:spec":{"f:replicas":{},"f:selector":{},"f:strategy":{},
               "f:template":{"f:metadata":{"f:creationTimestamp":{},"f:labels":{"f:app":{}}},
                 "f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{},"f:resources":{}}}}}}}
            """, obj["metadata"]!["managedFields"]![0]!["fieldsV1"]);
        Assert.NotNull(obj["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]);
        Assert.Null(obj["status"]);
    }
}
