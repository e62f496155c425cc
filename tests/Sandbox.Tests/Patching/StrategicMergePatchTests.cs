using RunnerConsole.Sandbox.Patching;
using static RunnerConsole.Sandbox.Tests.Patching.TestObjects;

namespace RunnerConsole.Sandbox.Tests.Patching;

public sealed class StrategicMergePatchTests
{
    private const string Pod = """
        {'spec':{
          'containers':[
            {'name':'app','image':'a:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
             'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':53,'protocol':'UDP'}],
             'volumeMounts':[{'name':'data','mountPath':'/data'}],
             'args':['--a','--b']},
            {'name':'sidecar','image':'s:1'}],
          'volumes':[{'name':'data','emptyDir':{}}],
          'tolerations':[{'key':'k1','operator':'Exists'}]}}
        """;

    [Theory]
    // maps deep-merge; null deletes
    [InlineData("{'metadata':{'labels':{'a':'1','b':'2'}}}", "{'metadata':{'labels':{'b':null,'c':'3'}}}", "{'metadata':{'labels':{'a':'1','c':'3'}}}")]
    [InlineData("{'data':{'a':'1'}}", "{'data':{'b':'2'}}", "{'data':{'a':'1','b':'2'}}")]
    // keyed list merges by name and keeps the elements the patch does not mention
    [InlineData(Pod, "{'spec':{'containers':[{'name':'app','image':'a:2'}]}}", """
        {'spec':{
          'containers':[
            {'name':'app','image':'a:2','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
             'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':53,'protocol':'UDP'}],
             'volumeMounts':[{'name':'data','mountPath':'/data'}],
             'args':['--a','--b']},
            {'name':'sidecar','image':'s:1'}],
          'volumes':[{'name':'data','emptyDir':{}}],
          'tolerations':[{'key':'k1','operator':'Exists'}]}}
        """)]
    // nested keyed lists (env by name, ports by containerPort+protocol), a new element is appended
    [InlineData(Pod, "{'spec':{'containers':[{'name':'app','env':[{'name':'B','value':'20'},{'name':'C','value':'3'}],'ports':[{'containerPort':8080}]}]}}", """
        {'spec':{
          'containers':[
            {'name':'app','image':'a:1','env':[{'name':'A','value':'1'},{'name':'B','value':'20'},{'name':'C','value':'3'}],
             'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':53,'protocol':'UDP'},{'containerPort':8080}],
             'volumeMounts':[{'name':'data','mountPath':'/data'}],
             'args':['--a','--b']},
            {'name':'sidecar','image':'s:1'}],
          'volumes':[{'name':'data','emptyDir':{}}],
          'tolerations':[{'key':'k1','operator':'Exists'}]}}
        """)]
    // atomic lists (args, tolerations) are replaced whole
    [InlineData(Pod, "{'spec':{'tolerations':[{'key':'k2','operator':'Exists'}],'containers':[{'name':'app','args':['--c']}]}}", """
        {'spec':{
          'containers':[
            {'name':'app','image':'a:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
             'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':53,'protocol':'UDP'}],
             'volumeMounts':[{'name':'data','mountPath':'/data'}],
             'args':['--c']},
            {'name':'sidecar','image':'s:1'}],
          'volumes':[{'name':'data','emptyDir':{}}],
          'tolerations':[{'key':'k2','operator':'Exists'}]}}
        """)]
    // $patch: delete on a keyed list element
    [InlineData(Pod, "{'spec':{'containers':[{'name':'sidecar','$patch':'delete'}],'volumes':[{'name':'data','$patch':'delete'}]}}", """
        {'spec':{
          'containers':[
            {'name':'app','image':'a:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
             'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':53,'protocol':'UDP'}],
             'volumeMounts':[{'name':'data','mountPath':'/data'}],
             'args':['--a','--b']}],
          'volumes':[],
          'tolerations':[{'key':'k1','operator':'Exists'}]}}
        """)]
    // $patch: replace on a list
    [InlineData(Pod, "{'spec':{'containers':[{'$patch':'replace'},{'name':'only','image':'o:1'}]}}", """
        {'spec':{
          'containers':[{'name':'only','image':'o:1'}],
          'volumes':[{'name':'data','emptyDir':{}}],
          'tolerations':[{'key':'k1','operator':'Exists'}]}}
        """)]
    // $patch: replace and delete on maps
    [InlineData("{'spec':{'selector':{'a':'1','b':'2'},'type':'ClusterIP'}}", "{'spec':{'selector':{'$patch':'replace','c':'3'}}}", "{'spec':{'selector':{'c':'3'},'type':'ClusterIP'}}")]
    [InlineData("{'spec':{'selector':{'a':'1'},'type':'ClusterIP'}}", "{'spec':{'selector':{'$patch':'delete'}}}", "{'spec':{'type':'ClusterIP'}}")]
    [InlineData("{'a':{'b':1}}", "{'a':{'$patch':'merge','c':2}}", "{'a':{'b':1,'c':2}}")]
    // Service ports merge by port+protocol: same port, other protocol is another element
    [InlineData("{'spec':{'ports':[{'name':'dns','port':53,'protocol':'TCP','targetPort':53},{'name':'http','port':80,'protocol':'TCP'}]}}",
        "{'spec':{'ports':[{'port':53,'protocol':'UDP','name':'dns-udp'},{'port':80,'targetPort':8080}]}}",
        "{'spec':{'ports':[{'name':'dns','port':53,'protocol':'TCP','targetPort':53},{'name':'http','port':80,'protocol':'TCP','targetPort':8080},{'port':53,'protocol':'UDP','name':'dns-udp'}]}}")]
    // RBAC rules are atomic
    [InlineData("{'kind':'Role','rules':[{'apiGroups':[''],'resources':['pods'],'verbs':['get']},{'apiGroups':['apps'],'resources':['deployments'],'verbs':['get']}]}",
        "{'rules':[{'apiGroups':[''],'resources':['pods'],'verbs':['get','list']}]}",
        "{'kind':'Role','rules':[{'apiGroups':[''],'resources':['pods'],'verbs':['get','list']}]}")]
    // finalizers merge as a set
    [InlineData("{'metadata':{'finalizers':['a','b']}}", "{'metadata':{'finalizers':['b','c']}}", "{'metadata':{'finalizers':['a','b','c']}}")]
    // $deleteFromPrimitiveList
    [InlineData("{'metadata':{'finalizers':['a','b','c']}}", "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}", "{'metadata':{'finalizers':['a','c']}}")]
    [InlineData("{'metadata':{'finalizers':['a','b']}}", "{'metadata':{'finalizers':['d'],'$deleteFromPrimitiveList/finalizers':['a']}}", "{'metadata':{'finalizers':['b','d']}}")]
    // $retainKeys clears fields not listed (Deployment strategy switch)
    [InlineData("{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
        "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
        "{'spec':{'strategy':{'type':'Recreate'}}}")]
    [InlineData(Pod, "{'spec':{'volumes':[{'name':'data','$retainKeys':['name','configMap'],'configMap':{'name':'cm'}}]}}", """
        {'spec':{
          'containers':[
            {'name':'app','image':'a:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
             'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':53,'protocol':'UDP'}],
             'volumeMounts':[{'name':'data','mountPath':'/data'}],
             'args':['--a','--b']},
            {'name':'sidecar','image':'s:1'}],
          'volumes':[{'name':'data','configMap':{'name':'cm'}}],
          'tolerations':[{'key':'k1','operator':'Exists'}]}}
        """)]
    // directives inside new elements are processed, never copied
    [InlineData("{}", "{'spec':{'containers':[{'name':'x','env':[{'name':'A','value':'1'}],'$setElementOrder/env':[{'name':'A'}]}]}}",
        "{'spec':{'containers':[{'name':'x','env':[{'name':'A','value':'1'}]}]}}")]
    public void Apply_Cases(string target, string patch, string expected)
    {
        AssertJsonText(expected, StrategicMergePatch.Apply(Node(target), Node(patch)));
    }

    [Fact]
    public void Apply_SetElementOrder_ReordersKeyedList()
    {
        var target = Obj("{'spec':{'containers':[{'name':'a','image':'1'},{'name':'b','image':'2'},{'name':'c','image':'3'}]}}");
        var patch = Obj("""
            {'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'},{'name':'b'}],
                     'containers':[{'name':'a','image':'10'}]}}
            """);
        AssertJsonText(
            "{'spec':{'containers':[{'name':'c','image':'3'},{'name':'a','image':'10'},{'name':'b','image':'2'}]}}",
            StrategicMergePatch.Apply(target, patch));
    }

    [Fact]
    public void Apply_SetElementOrder_WithoutListInPatch_Reorders()
    {
        var target = Obj("{'spec':{'containers':[{'name':'a'},{'name':'b'}]},'metadata':{'finalizers':['x','y']}}");
        var patch = Obj("{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}]},'metadata':{'$setElementOrder/finalizers':['y','x']}}");
        AssertJsonText("{'spec':{'containers':[{'name':'b'},{'name':'a'}]},'metadata':{'finalizers':['y','x']}}", StrategicMergePatch.Apply(target, patch));
    }

    [Fact]
    public void Apply_SetElementOrder_KeepsUnlistedServerItemsInPlace()
    {
        var target = Obj("{'spec':{'containers':[{'name':'a'},{'name':'injected'},{'name':'b'}]}}");
        var patch = Obj("{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}]}}");
        AssertJsonText("{'spec':{'containers':[{'name':'b'},{'name':'injected'},{'name':'a'}]}}", StrategicMergePatch.Apply(target, patch));
    }

    [Fact]
    public void Apply_KubectlClientSideApplyPatch()
    {
        // The shape kubectl apply (client side) sends when the image and replicas change and an env var is dropped.
        var live = Deployment();
        var patch = Obj("""
            {'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}'}},
             'spec':{'replicas':3,'template':{'spec':{
               '$setElementOrder/containers':[{'name':'app'}],
               'containers':[{'name':'app','image':'nginx:1.28','$setElementOrder/env':[{'name':'A'}],'env':[{'$patch':'delete','name':'B'}]}]}}}}
            """);
        var result = StrategicMergePatch.Apply(live, patch)!;
        Assert.Equal(3, (int)result["spec"]!["replicas"]!);
        var container = result["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.28", (string)container["image"]!);
        AssertJsonText("[{'name':'A','value':'1'}]", container["env"]);
        AssertJsonText("[{'containerPort':80,'protocol':'TCP'}]", container["ports"]);
        Assert.DoesNotContain("$", result.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("nginx:1.27", (string)live["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!);
    }

    [Theory]
    [InlineData("{'spec':{'$foo':1}}", "/spec")]
    [InlineData("{'spec':{'template':{'$patch':'explode'}}}", "/spec/template")]
    [InlineData("{'spec':{'containers':[{'$patch':'explode'}]}}", "/spec/containers")]
    [InlineData("{'metadata':{'$retainKeys':'name'}}", "/metadata")]
    [InlineData("{'spec':{'$setElementOrder/containers':{'name':'a'}}}", "/spec")]
    public void Apply_BadDirective_Throws(string patch, string path)
    {
        var ex = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(Node(Pod), Node(patch)));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DoesNotMutateInputs()
    {
        var target = Node(Pod)!;
        var patch = Node("{'spec':{'containers':[{'name':'app','image':'z'},{'name':'sidecar','$patch':'delete'}]}}")!;
        var t = target.ToJsonString();
        var p = patch.ToJsonString();
        _ = StrategicMergePatch.Apply(target, patch);
        Assert.Equal(t, target.ToJsonString());
        Assert.Equal(p, patch.ToJsonString());
    }
}

public sealed class StrategicMergePatchPortTests
{
    private const string Svc = """
        {'spec':{'ports':[{'name':'dns','port':53,'protocol':'UDP','targetPort':53},{'name':'dns-tcp','port':53,'protocol':'TCP','targetPort':53},{'name':'http','port':80,'protocol':'TCP'}]}}
        """;

    [Theory]
    // explicit protocol picks the element
    [InlineData("{'spec':{'ports':[{'port':53,'protocol':'UDP','targetPort':5353}]}}",
        "{'spec':{'ports':[{'name':'dns','port':53,'protocol':'UDP','targetPort':5353},{'name':'dns-tcp','port':53,'protocol':'TCP','targetPort':53},{'name':'http','port':80,'protocol':'TCP'}]}}")]
    [InlineData("{'spec':{'ports':[{'port':53,'protocol':'TCP','targetPort':5353}]}}",
        "{'spec':{'ports':[{'name':'dns','port':53,'protocol':'UDP','targetPort':53},{'name':'dns-tcp','port':53,'protocol':'TCP','targetPort':5353},{'name':'http','port':80,'protocol':'TCP'}]}}")]
    // kubectl's patches name only the port (the Kubernetes patchMergeKey): first element with that port
    [InlineData("{'spec':{'ports':[{'port':80,'targetPort':8080}]}}",
        "{'spec':{'ports':[{'name':'dns','port':53,'protocol':'UDP','targetPort':53},{'name':'dns-tcp','port':53,'protocol':'TCP','targetPort':53},{'name':'http','port':80,'protocol':'TCP','targetPort':8080}]}}")]
    // a new port+protocol is appended
    [InlineData("{'spec':{'ports':[{'port':80,'protocol':'UDP','name':'quic'}]}}",
        "{'spec':{'ports':[{'name':'dns','port':53,'protocol':'UDP','targetPort':53},{'name':'dns-tcp','port':53,'protocol':'TCP','targetPort':53},{'name':'http','port':80,'protocol':'TCP'},{'port':80,'protocol':'UDP','name':'quic'}]}}")]
    // order by port+protocol
    [InlineData("{'spec':{'$setElementOrder/ports':[{'port':80},{'port':53,'protocol':'TCP'},{'port':53,'protocol':'UDP'}]}}",
        "{'spec':{'ports':[{'name':'http','port':80,'protocol':'TCP'},{'name':'dns-tcp','port':53,'protocol':'TCP','targetPort':53},{'name':'dns','port':53,'protocol':'UDP','targetPort':53}]}}")]
    public void Apply_ServicePorts(string patch, string expected)
    {
        AssertJsonText(expected, StrategicMergePatch.Apply(Node(Svc), Node(patch)));
    }
}
