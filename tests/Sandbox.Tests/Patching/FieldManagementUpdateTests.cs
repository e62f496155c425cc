using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Patching;
using static RunnerConsole.Sandbox.Tests.Patching.TestObjects;

namespace RunnerConsole.Sandbox.Tests.Patching;

public sealed class FieldManagementUpdateTests
{
    private static JsonArray ManagedFields(JsonObject obj) => obj["metadata"]!["managedFields"]!.AsArray();

    private static JsonObject? FindEntry(JsonObject obj, string manager, string operation) =>
        obj["metadata"]?["managedFields"]?.AsArray()
            .FirstOrDefault(e => (string)e!["manager"]! == manager && (string)e["operation"]! == operation)?.AsObject();

    private static JsonObject Entry(JsonObject obj, string manager, string operation) =>
        FindEntry(obj, manager, operation) ?? throw new InvalidOperationException($"no entry {manager}/{operation}");

    /// <summary>Simulates a non-apply write: after = patch(before), then RecordUpdate.</summary>
    private static JsonObject Write(JsonObject before, string mergePatch, string manager, DateTimeOffset now)
    {
        var after = JsonMergePatch.Apply(before, Node(mergePatch))!.AsObject();
        FieldManagement.RecordUpdate(before, after, manager, now);
        return after;
    }

    [Fact]
    public void RecordUpdate_Create_OwnsAllSetFields_KubernetesShape()
    {
        var obj = Deployment();
        FieldManagement.RecordUpdate(null, obj, "kubectl-create", T0);

        var entry = Assert.Single(ManagedFields(obj))!;
        AssertJsonText("""
            {"manager":"kubectl-create","operation":"Update","apiVersion":"apps/v1","time":"2026-11-25T10:00:00Z","fieldsType":"FieldsV1",
             "fieldsV1":{
               "f:metadata":{"f:labels":{".":{},"f:app":{}}},
               "f:spec":{"f:replicas":{},"f:selector":{},
                 "f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},
                   "f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},
                     "f:env":{".":{},"k:{\"name\":\"A\"}":{".":{},"f:name":{},"f:value":{}},"k:{\"name\":\"B\"}":{".":{},"f:name":{},"f:value":{}}},
                     "f:image":{},"f:name":{},
                     "f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}}}}
            """, entry);
    }

    [Fact]
    public void RecordUpdate_ConfigMap_DataMapIsMember()
    {
        var cm = Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'n','uid':'u','resourceVersion':'1'},'data':{'a':'1','b':'2'}}");
        FieldManagement.RecordUpdate(null, cm, "kubectl-create", T0);
        AssertJsonText("""{"f:data":{".":{},"f:a":{},"f:b":{}}}""", Entry(cm, "kubectl-create", "Update")["fieldsV1"]);
    }

    [Fact]
    public void RecordUpdate_MovesOwnershipFromApplier()
    {
        var live = FieldManagement.Apply(null, Deployment(), "kubectl", false, T0).Object!;
        var edited = Write(live, "{'spec':{'replicas':5}}", "kubectl-edit", T1);

        AssertJsonText("""{"f:spec":{"f:replicas":{}}}""", Entry(edited, "kubectl-edit", "Update")["fieldsV1"]);
        Assert.Equal("2026-11-25T11:00:00Z", (string)Entry(edited, "kubectl-edit", "Update")["time"]!);
        Assert.DoesNotContain("f:replicas", Entry(edited, "kubectl", "Apply")["fieldsV1"]!.ToJsonString(), StringComparison.Ordinal);
        // Apply entries sort before Update entries.
        Assert.Equal(["Apply", "Update"], ManagedFields(edited).Select(e => (string)e!["operation"]!));

        // The applier now conflicts with the updater on replicas...
        var result = FieldManagement.Apply(edited, Deployment(), "kubectl", false, T1);
        Assert.Equal([new FieldConflict("kubectl-edit", ".spec.replicas")], result.Conflicts);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas", result.ConflictMessage);

        // ...and with force takes it back, leaving the updater with nothing (entry dropped).
        var forced = FieldManagement.Apply(edited, Deployment(), "kubectl", true, T1).Object!;
        Assert.Equal(2, (int)forced["spec"]!["replicas"]!);
        Assert.Null(FindEntry(forced, "kubectl-edit", "Update"));
    }

    [Fact]
    public void RecordUpdate_NoChange_LeavesManagedFieldsAlone()
    {
        var live = FieldManagement.Apply(null, Deployment(), "kubectl", false, T0).Object!;
        var before = live.ToJsonString();
        var after = Write(live, "{'spec':{'replicas':2}}", "kubectl-edit", T1);
        Assert.Equal(before, after.ToJsonString());
    }

    [Fact]
    public void RecordUpdate_RemovedField_LeavesEveryonesSet()
    {
        var live = FieldManagement.Apply(null, Deployment(), "kubectl", false, T0).Object!;
        var after = Write(live, "{'metadata':{'labels':null}}", "kubectl-label", T1);

        Assert.Null(Entry(after, "kubectl", "Apply")["fieldsV1"]!["f:metadata"]);
        Assert.Null(after["metadata"]!["labels"]);
        // A pure removal gives the remover nothing to own.
        Assert.Null(FindEntry(after, "kubectl-label", "Update"));
    }

    [Fact]
    public void RecordUpdate_KeyedListElementChange_OwnsOnlyThatField()
    {
        var live = FieldManagement.Apply(null, Deployment(), "helm", false, T0).Object!;
        var after = live.DeepClone().AsObject();
        after["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.29";
        FieldManagement.RecordUpdate(live, after, "kubectl-set", T1);

        AssertJsonText("""
            {"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{"f:image":{}}}}}}}
            """, Entry(after, "kubectl-set", "Update")["fieldsV1"]);
        var helm = Entry(after, "helm", "Apply")["fieldsV1"]!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"app\"}"]!.AsObject();
        Assert.False(helm.ContainsKey("f:image"));
        Assert.True(helm.ContainsKey("f:name"));
    }

    [Fact]
    public void RecordUpdate_SameManagerAccumulates()
    {
        var obj = Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'1'}}");
        FieldManagement.RecordUpdate(null, obj, "ctl", T0);
        var next = Write(obj, "{'data':{'b':'2'}}", "ctl", T1);
        var entry = Assert.Single(ManagedFields(next))!;
        AssertJsonText("""{"f:data":{".":{},"f:a":{},"f:b":{}}}""", entry["fieldsV1"]);
        Assert.Equal("2026-11-25T11:00:00Z", (string)entry["time"]!);
    }

    [Fact]
    public void RecordUpdate_StatusIsNotTracked()
    {
        var obj = Deployment();
        FieldManagement.RecordUpdate(null, obj, "kubectl-create", T0);
        var before = obj.ToJsonString();
        var next = Write(obj, "{'status':{'readyReplicas':2}}", "controller", T1);
        Assert.Null(FindEntry(next, "controller", "Update"));
        Assert.Equal(2, (int)next["status"]!["readyReplicas"]!);
        Assert.Equal(Node(before)!["metadata"]!["managedFields"]!.ToJsonString(), next["metadata"]!["managedFields"]!.ToJsonString());
    }

    [Fact]
    public void RecordUpdate_EmptyManagedFieldsInRequest_Resets()
    {
        var live = FieldManagement.Apply(null, Deployment(), "kubectl", false, T0).Object!;
        var after = live.DeepClone().AsObject();
        after["metadata"]!["managedFields"] = new JsonArray();
        after["spec"]!["replicas"] = 3;
        FieldManagement.RecordUpdate(live, after, "kubectl-replace", T1);
        Assert.Null(after["metadata"]!["managedFields"]);
    }

    [Fact]
    public void RecordUpdate_EchoedManagedFields_UsesLive()
    {
        // kubectl replace/edit sends back the managedFields it read: unchanged, so live's are the base.
        var live = FieldManagement.Apply(null, Deployment(), "kubectl", false, T0).Object!;
        var after = live.DeepClone().AsObject();
        after["spec"]!["replicas"] = 3;
        FieldManagement.RecordUpdate(live, after, "kubectl-replace", T1);
        Assert.Equal(2, ManagedFields(after).Count);
        AssertJsonText("""{"f:spec":{"f:replicas":{}}}""", Entry(after, "kubectl-replace", "Update")["fieldsV1"]);
    }

    [Fact]
    public void RecordUpdate_DoesNotMutateBefore()
    {
        var live = FieldManagement.Apply(null, Deployment(), "kubectl", false, T0).Object!;
        var text = live.ToJsonString();
        _ = Write(live, "{'spec':{'replicas':7}}", "x", T1);
        Assert.Equal(text, live.ToJsonString());
    }
}
