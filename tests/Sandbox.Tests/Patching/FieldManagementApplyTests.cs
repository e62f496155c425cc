using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Patching;
using static RunnerConsole.Sandbox.Tests.Patching.TestObjects;

namespace RunnerConsole.Sandbox.Tests.Patching;

public sealed class FieldManagementApplyTests
{
    private const string DeploymentFieldsV1 = """
        {"f:metadata":{"f:labels":{"f:app":{}}},
         "f:spec":{"f:replicas":{},"f:selector":{},
           "f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
             "f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},
               "f:env":{"k:{\"name\":\"A\"}":{".":{},"f:name":{},"f:value":{}},"k:{\"name\":\"B\"}":{".":{},"f:name":{},"f:value":{}}},
               "f:image":{},"f:name":{},
               "f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}}}
        """;

    private static JsonArray ManagedFields(JsonObject obj) => obj["metadata"]!["managedFields"]!.AsArray();

    private static JsonObject Entry(JsonObject obj, string manager, string operation = "Apply") =>
        ManagedFields(obj).Single(e => (string)e!["manager"]! == manager && (string)e["operation"]! == operation)!.AsObject();

    private static JsonObject ApplyOk(JsonObject? live, JsonObject applied, string manager, bool force = false, DateTimeOffset? now = null)
    {
        var result = FieldManagement.Apply(live, applied, manager, force, now ?? T0);
        Assert.True(result.Conflicts.Count == 0, result.ConflictMessage);
        return result.Object!;
    }

    [Fact]
    public void Apply_Create_WritesKubernetesManagedFieldsEntry()
    {
        var obj = ApplyOk(null, Deployment(), "kubectl");

        var entry = Assert.Single(ManagedFields(obj))!.AsObject();
        AssertJsonText($$"""
            {"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","time":"2026-11-25T10:00:00Z",
             "fieldsType":"FieldsV1","fieldsV1":{{DeploymentFieldsV1}}}
            """, entry);
        obj["metadata"]!.AsObject().Remove("managedFields");
        AssertJson(Deployment().ToJsonString(), obj);
    }

    [Fact]
    public void Apply_Create_DoesNotTrackServerFieldsOrStatus()
    {
        var applied = Obj("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"cm","namespace":"ns","uid":"u","resourceVersion":"5","creationTimestamp":"x","generation":1,
                         "managedFields":[{"manager":"evil","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:data":{}}}],
                         "annotations":{"a":"1"}},
             "data":{"k":"v"},"status":{"x":1}}
            """);
        var obj = ApplyOk(null, applied, "helm");
        var entry = Assert.Single(ManagedFields(obj))!;
        AssertJsonText("""{"f:data":{"f:k":{}},"f:metadata":{"f:annotations":{"f:a":{}}}}""", entry["fieldsV1"]);
        Assert.Null(obj["status"]);
        Assert.Null(obj["metadata"]!["uid"]);
        Assert.Equal("v", (string)obj["data"]!["k"]!);
    }

    [Fact]
    public void Apply_DoesNotMutateInputs()
    {
        var live = ApplyOk(null, Deployment(), "kubectl");
        var applied = Deployment("nginx:2");
        var liveText = live.ToJsonString();
        var appliedText = applied.ToJsonString();
        _ = FieldManagement.Apply(live, applied, "kubectl", false, T1);
        Assert.Equal(liveText, live.ToJsonString());
        Assert.Equal(appliedText, applied.ToJsonString());
    }

    [Fact]
    public void Apply_SameAgain_IsNoChange()
    {
        var live = ApplyOk(null, Deployment(), "kubectl");
        var again = ApplyOk(live, Deployment(), "kubectl", now: T1);
        AssertJsonText(live.ToJsonString(), again);
    }

    [Fact]
    public void Apply_ChangedValue_UpdatesObjectAndTime()
    {
        var live = ApplyOk(null, Deployment(), "kubectl");
        var next = ApplyOk(live, Deployment("nginx:1.28", replicas: 4), "kubectl", now: T1);
        Assert.Equal(4, (int)next["spec"]!["replicas"]!);
        Assert.Equal("nginx:1.28", (string)next["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!);
        Assert.Equal("2026-11-25T11:00:00Z", (string)Entry(next, "kubectl")["time"]!);
        AssertJsonText(DeploymentFieldsV1, Entry(next, "kubectl")["fieldsV1"]);
    }

    [Fact]
    public void Apply_OmittedField_IsRemoved()
    {
        var live = ApplyOk(null, Deployment(), "kubectl");
        var applied = Deployment();
        applied["spec"]!.AsObject().Remove("replicas");
        applied["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().RemoveAt(1);

        var next = ApplyOk(live, applied, "kubectl", now: T1);

        Assert.Null(next["spec"]!["replicas"]);
        AssertJsonText("[{'name':'A','value':'1'}]", next["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]);
        var fields = Entry(next, "kubectl")["fieldsV1"]!.ToJsonString();
        Assert.DoesNotContain("f:replicas", fields, StringComparison.Ordinal);
        var env = Entry(next, "kubectl")["fieldsV1"]!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"app\"}"]!["f:env"]!.AsObject();
        Assert.Equal(["k:{\"name\":\"A\"}"], env.Select(p => p.Key));
    }

    [Fact]
    public void Apply_OmittedLabelMap_RemovesEmptiedMap()
    {
        var live = ApplyOk(null, Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'a':'1'}},'data':{'x':'1'}}"), "m");
        var next = ApplyOk(live, Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'x':'1'}}"), "m");
        Assert.Null(next["metadata"]!["labels"]);
        AssertJsonText("""{"f:data":{"f:x":{}}}""", Entry(next, "m")["fieldsV1"]);
    }

    [Fact]
    public void Apply_OmittedField_KeptWhenAnotherManagerOwnsIt()
    {
        var cm = "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'shared':'s','mine':'m'}}";
        var live = ApplyOk(null, Obj(cm), "a");
        // b applies the same value for 'shared': shared ownership, no conflict.
        live = ApplyOk(live, Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'shared':'s'}}"), "b");
        AssertJsonText("""{"f:data":{"f:shared":{}}}""", Entry(live, "b")["fieldsV1"]);
        AssertJsonText("""{"f:data":{"f:mine":{},"f:shared":{}}}""", Entry(live, "a")["fieldsV1"]);

        // a stops applying everything but 'mine': 'shared' survives because b owns it.
        var next = ApplyOk(live, Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'mine':'m'}}"), "a");
        AssertJson("{'shared':'s','mine':'m'}", next["data"]);
        AssertJsonText("""{"f:data":{"f:mine":{}}}""", Entry(next, "a")["fieldsV1"]);
    }

    [Fact]
    public void Apply_KeyedListElementFromAnotherManager_IsKept()
    {
        var live = ApplyOk(null, Deployment(), "kubectl");
        var sidecar = Obj("""
            {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default'},
             'spec':{'template':{'spec':{'containers':[{'name':'sidecar','image':'envoy:1'}]}}}}
            """);
        live = ApplyOk(live, sidecar, "mesh");
        var containers = live["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["app", "sidecar"], containers.Select(c => (string)c!["name"]!));
        AssertJsonText("""
            {"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"sidecar\"}":{".":{},"f:image":{},"f:name":{}}}}}}}
            """, Entry(live, "mesh")["fieldsV1"]);

        // Re-applying kubectl's manifest (without the sidecar) keeps the sidecar.
        var next = ApplyOk(live, Deployment("nginx:2"), "kubectl", now: T1);
        containers = next["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["app", "sidecar"], containers.Select(c => (string)c!["name"]!));
        Assert.Equal("nginx:2", (string)containers[0]!["image"]!);
    }

    [Fact]
    public void Apply_ConflictWithAnotherApplier_ReportsAllPaths()
    {
        var live = ApplyOk(null, Deployment(), "helm");
        var result = FieldManagement.Apply(live, Deployment("nginx:9", replicas: 7), "kubectl", false, T1);

        Assert.Null(result.Object);
        Assert.Equal(
            [
                new FieldConflict("helm", ".spec.replicas"),
                new FieldConflict("helm", ".spec.template.spec.containers[name=\"app\"].image"),
            ],
            result.Conflicts);
        Assert.Equal(
            "Apply failed with 2 conflicts: conflicts with \"helm\":\n- .spec.replicas\n- .spec.template.spec.containers[name=\"app\"].image",
            result.ConflictMessage);
        Assert.Equal("conflict with \"helm\"", result.Conflicts[0].CauseMessage);
    }

    [Fact]
    public void Apply_ConflictWithUpdateManager_MessageAsKubernetes()
    {
        var before = Deployment();
        var created = before.DeepClone().AsObject();
        FieldManagement.RecordUpdate(null, created, "kubectl-client-side-apply", T0);

        var applied = Deployment(replicas: 5);
        var result = FieldManagement.Apply(created, applied, "kubectl", false, T1);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(new FieldConflict("kubectl-client-side-apply", ".spec.replicas"), conflict);
        Assert.Equal("Update", conflict.Operation);
        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas",
            FieldConflict.FormatMessage(result.Conflicts));
    }

    [Fact]
    public void Apply_SameValueAsUpdateManager_IsSharedNotConflict()
    {
        var created = Deployment();
        FieldManagement.RecordUpdate(null, created, "kubectl-create", T0);
        var obj = ApplyOk(created, Deployment(), "kubectl", now: T1);
        Assert.Equal(2, ManagedFields(obj).Count);
        Assert.Contains("f:replicas", Entry(obj, "kubectl-create", "Update")["fieldsV1"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("f:replicas", Entry(obj, "kubectl")["fieldsV1"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Force_TransfersOwnership()
    {
        var live = ApplyOk(null, Deployment(), "helm");
        var scale = Obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default'},'spec':{'replicas':9}}");
        Assert.NotEmpty(FieldManagement.Apply(live, scale, "hpa", false, T1).Conflicts);

        var next = ApplyOk(live, scale, "hpa", force: true, now: T1);

        Assert.Equal(9, (int)next["spec"]!["replicas"]!);
        AssertJsonText("""{"f:spec":{"f:replicas":{}}}""", Entry(next, "hpa")["fieldsV1"]);
        Assert.DoesNotContain("f:replicas", Entry(next, "helm")["fieldsV1"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("2026-11-25T10:00:00Z", (string)Entry(next, "helm")["time"]!);

        // helm re-applies without replicas: the field now belongs to hpa and stays.
        var helmAgain = Deployment();
        helmAgain["spec"]!.AsObject().Remove("replicas");
        var after = ApplyOk(next, helmAgain, "helm", now: T1);
        Assert.Equal(9, (int)after["spec"]!["replicas"]!);
    }

    [Fact]
    public void Apply_ManagerWithEmptySet_IsDropped()
    {
        var live = ApplyOk(null, Deployment(), "helm");
        var scale = Obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default'},'spec':{'replicas':9}}");
        live = ApplyOk(live, scale, "hpa", force: true);
        // hpa is overruled by a forced helm apply: its only field moves back, the entry disappears.
        var next = ApplyOk(live, Deployment(), "helm", force: true, now: T1);
        Assert.Equal(2, (int)next["spec"]!["replicas"]!);
        Assert.Single(ManagedFields(next));
        Assert.Equal("helm", (string)ManagedFields(next)[0]!["manager"]!);
    }

    [Fact]
    public void Apply_ServicePorts_KeyedByPortAndProtocol()
    {
        var svc = Obj("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"dns"},
             "spec":{"selector":{"app":"dns"},"ports":[{"name":"dns","port":53,"protocol":"UDP"},{"name":"dns-tcp","port":53,"protocol":"TCP"}]}}
            """);
        var obj = ApplyOk(null, svc, "helm");
        AssertJsonText("""
            {"f:spec":{"f:ports":{
               "k:{\"port\":53,\"protocol\":\"TCP\"}":{".":{},"f:name":{},"f:port":{},"f:protocol":{}},
               "k:{\"port\":53,\"protocol\":\"UDP\"}":{".":{},"f:name":{},"f:port":{},"f:protocol":{}}},
             "f:selector":{}}}
            """, Entry(obj, "helm")["fieldsV1"]);
    }

    [Fact]
    public void Apply_ContainerPortWithoutProtocol_KeyDefaultsToTcp()
    {
        var d = Deployment();
        d["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080 });
        var obj = ApplyOk(null, d, "m");
        var ports = Entry(obj, "m")["fieldsV1"]!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"app\"}"]!["f:ports"]!.AsObject();
        Assert.Equal(["k:{\"containerPort\":8080,\"protocol\":\"TCP\"}"], ports.Select(p => p.Key));
    }

    [Fact]
    public void Apply_RbacRulesAndFinalizers()
    {
        var role = Obj("""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r","finalizers":["example.com/x"]},
             "rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]}
            """);
        var obj = ApplyOk(null, role, "m");
        AssertJsonText("""{"f:metadata":{"f:finalizers":{"v:\"example.com/x\"":{}}},"f:rules":{}}""", Entry(obj, "m")["fieldsV1"]);

        // another manager replaces the atomic rules list: conflict on the whole list
        var other = Obj("""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r"},
             "rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"]}]}
            """);
        var result = FieldManagement.Apply(obj, other, "n", false, T1);
        Assert.Equal([new FieldConflict("m", ".rules")], result.Conflicts);
    }

    [Fact]
    public void Apply_AddsNewKeyedElementsInAppliedOrder()
    {
        var live = ApplyOk(null, Deployment(), "kubectl");
        var applied = Deployment();
        var env = applied["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        env.Insert(1, new JsonObject { ["name"] = "AB", ["value"] = "x" });
        var next = ApplyOk(live, applied, "kubectl", now: T1);
        var names = next["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().Select(e => (string)e!["name"]!);
        Assert.Equal(["A", "AB", "B"], names);
    }

    [Fact]
    public void Apply_KeepsLiveStatusAndServerMetadata()
    {
        var live = ApplyOk(null, Deployment(), "kubectl");
        live["status"] = new JsonObject { ["replicas"] = 2 };
        live["metadata"]!["uid"] = "abc";
        live["metadata"]!["resourceVersion"] = "7";
        var applied = Deployment();
        applied["status"] = new JsonObject { ["replicas"] = 99 };
        var next = ApplyOk(live, applied, "kubectl", now: T1);
        Assert.Equal(2, (int)next["status"]!["replicas"]!);
        Assert.Equal("abc", (string)next["metadata"]!["uid"]!);
        Assert.Equal("7", (string)next["metadata"]!["resourceVersion"]!);
        Assert.Equal("2026-11-25T10:00:00Z", (string)Entry(next, "kubectl")["time"]!);
    }
}

public sealed class FieldManagementEdgeTests
{
    [Fact]
    public void Apply_ToObjectWithoutManagedFields_CreditsBeforeFirstApply()
    {
        var live = Deployment();
        var result = FieldManagement.Apply(live, Deployment(replicas: 3), "kubectl", false, T1);
        Assert.Equal([new FieldConflict(FieldManagement.BeforeFirstApply, ".spec.replicas")], result.Conflicts);

        var same = FieldManagement.Apply(live, Deployment(), "kubectl", false, T1);
        Assert.Empty(same.Conflicts);
        var managers = same.Object!["metadata"]!["managedFields"]!.AsArray().Select(e => (string)e!["manager"]!);
        Assert.Equal(["kubectl", FieldManagement.BeforeFirstApply], managers);
    }

    [Fact]
    public void Apply_NumbersCompareByValue()
    {
        var live = FieldManagement.Apply(null, Deployment(), "a", false, T0).Object!;
        var applied = Deployment();
        applied["spec"]!["replicas"] = JsonValue.Create(2L);
        var result = FieldManagement.Apply(live, applied, "b", false, T1);
        Assert.Empty(result.Conflicts);
        applied["spec"]!["replicas"] = JsonNode.Parse("2.0");
        Assert.Empty(FieldManagement.Apply(live, applied, "b", false, T1).Conflicts);
    }

    [Fact]
    public void FieldsV1_OrdersKeysAsKubernetes_FieldsThenKeysThenValues_NumbersNumerically()
    {
        var svc = Obj("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s","finalizers":["b","a"]},
             "spec":{"type":"ClusterIP","ports":[{"port":8443,"protocol":"TCP"},{"port":443,"protocol":"TCP"},{"port":80,"protocol":"UDP"}]}}
            """);
        var obj = FieldManagement.Apply(null, svc, "m", false, T0).Object!;
        AssertJsonText("""
            {"f:metadata":{"f:finalizers":{"v:\"a\"":{},"v:\"b\"":{}}},
             "f:spec":{"f:ports":{
               "k:{\"port\":80,\"protocol\":\"UDP\"}":{".":{},"f:port":{},"f:protocol":{}},
               "k:{\"port\":443,\"protocol\":\"TCP\"}":{".":{},"f:port":{},"f:protocol":{}},
               "k:{\"port\":8443,\"protocol\":\"TCP\"}":{".":{},"f:port":{},"f:protocol":{}}},
              "f:type":{}}}
            """, obj["metadata"]!["managedFields"]![0]!["fieldsV1"]);
    }

    [Fact]
    public void FieldsV1_RoundTripsThroughManagedFields()
    {
        var obj = FieldManagement.Apply(null, Deployment(), "a", false, T0).Object!;
        var text = obj["metadata"]!["managedFields"]![0]!["fieldsV1"]!.ToJsonString();
        // Another manager's write reserialises the entry from the parsed set: same text.
        var after = obj.DeepClone().AsObject();
        after["metadata"]!["annotations"] = new JsonObject { ["x"] = "y" };
        FieldManagement.RecordUpdate(obj, after, "b", T1);
        Assert.Equal(text, after["metadata"]!["managedFields"]![0]!["fieldsV1"]!.ToJsonString());
    }
}

public sealed class FieldConflictTests
{
    [Fact]
    public void ToStatus_IsKubernetesApplyConflict()
    {
        var conflicts = new[]
        {
            new FieldConflict("kubectl-client-side-apply", ".spec.replicas") { Operation = "Update", ApiVersion = "apps/v1" },
        };
        AssertJsonText("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas",
             "reason":"Conflict",
             "details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"kubectl-client-side-apply\" using apps/v1","field":".spec.replicas"}]},
             "code":409}
            """, FieldConflict.ToStatus(conflicts));
    }

    [Fact]
    public void FormatMessage_GroupsByManagerSorted()
    {
        var conflicts = new[]
        {
            new FieldConflict("zeta", ".spec.replicas") { Operation = "Apply" },
            new FieldConflict("alpha", ".data.a") { Operation = "Update", ApiVersion = "v1" },
            new FieldConflict("zeta", ".data.b") { Operation = "Apply" },
        };
        Assert.Equal(
            "Apply failed with 3 conflicts: conflicts with \"alpha\" using v1:\n- .data.a\nconflicts with \"zeta\":\n- .spec.replicas\n- .data.b",
            FieldConflict.FormatMessage(conflicts));
    }
}

public sealed class ListFallbackTests
{
    [Fact]
    public void Apply_KeyedListWithoutKeys_IsAtomicNotCollapsed()
    {
        // A custom resource whose spec.ports items have no "port": merging by key would collapse them.
        var cr = Obj("{'apiVersion':'example.com/v1','kind':'Thing','metadata':{'name':'t'},'spec':{'ports':[{'name':'a'},{'name':'b'}]}}");
        var obj = FieldManagement.Apply(null, cr, "m", false, T0).Object!;
        AssertJson("[{'name':'a'},{'name':'b'}]", obj["spec"]!["ports"]);
        AssertJsonText("""{"f:spec":{"f:ports":{}}}""", obj["metadata"]!["managedFields"]![0]!["fieldsV1"]);

        var next = FieldManagement.Apply(obj, Obj("{'apiVersion':'example.com/v1','kind':'Thing','metadata':{'name':'t'},'spec':{'ports':[{'name':'c'}]}}"), "m", false, T1).Object!;
        AssertJson("[{'name':'c'}]", next["spec"]!["ports"]);
    }

    [Fact]
    public void StrategicMerge_KeyedListWithoutKeys_Replaces()
    {
        var result = StrategicMergePatch.Apply(
            Node("{'spec':{'containers':[{'name':'a'},{'image':'x'}]}}"),
            Node("{'spec':{'containers':[{'image':'y'}]}}"));
        AssertJson("{'spec':{'containers':[{'image':'y'}]}}", result);
    }
}

public sealed class ApplyTypeChangeTests
{
    [Fact]
    public void Apply_ReplacingAMapWithAScalar_DropsOtherOwnersOfItsChildren()
    {
        var live = FieldManagement.Apply(null, Obj("{'apiVersion':'example.com/v1','kind':'T','metadata':{'name':'t'},'spec':{'x':{'a':1},'y':1}}"), "one", false, T0).Object!;
        var result = FieldManagement.Apply(live, Obj("{'apiVersion':'example.com/v1','kind':'T','metadata':{'name':'t'},'spec':{'x':'flat'}}"), "two", true, T1);
        var obj = result.Object!;
        Assert.Equal("flat", (string)obj["spec"]!["x"]!);
        var one = obj["metadata"]!["managedFields"]!.AsArray().Single(e => (string)e!["manager"]! == "one")!;
        AssertJsonText("""{"f:spec":{"f:y":{}}}""", one["fieldsV1"]);
    }
}
