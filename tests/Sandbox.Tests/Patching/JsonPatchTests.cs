using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Patching;
using static RunnerConsole.Sandbox.Tests.Patching.TestObjects;

namespace RunnerConsole.Sandbox.Tests.Patching;

public sealed class JsonPatchTests
{
    private static JsonArray Ops(string json) => Node(json)!.AsArray();

    [Theory]
    // add
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]", "{'foo':'bar','baz':'qux'}")]
    [InlineData("{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}")]
    [InlineData("{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':'x'}]", "{'foo':['bar','x']}")]
    [InlineData("{'foo':['bar']}", "[{'op':'add','path':'/foo/1','value':'x'}]", "{'foo':['bar','x']}")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'','value':{'a':1}}]", "{'a':1}")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/foo','value':null}]", "{'foo':null}")]
    // remove / replace
    [InlineData("{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}")]
    [InlineData("{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}")]
    [InlineData("{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}")]
    [InlineData("{'a':[1,2,3]}", "[{'op':'replace','path':'/a/1','value':9}]", "{'a':[1,9,3]}")]
    // move / copy
    [InlineData("{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
        "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]",
        "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}")]
    [InlineData("{'foo':['all','grass','cows','eat']}", "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", "{'foo':['all','cows','eat','grass']}")]
    [InlineData("{'a':{'b':1}}", "[{'op':'copy','from':'/a','path':'/c'}]", "{'a':{'b':1},'c':{'b':1}}")]
    // test
    [InlineData("{'baz':'qux','foo':['a',2,'c']}",
        "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]",
        "{'baz':'qux','foo':['a',2,'c']}")]
    // escaping: ~1 is '/', ~0 is '~'
    [InlineData("{'metadata':{'annotations':{'app.kubernetes.io/name':'x','a~b':'y'}}}",
        "[{'op':'replace','path':'/metadata/annotations/app.kubernetes.io~1name','value':'z'},{'op':'remove','path':'/metadata/annotations/a~0b'}]",
        "{'metadata':{'annotations':{'app.kubernetes.io/name':'z'}}}")]
    // Kubernetes style: scale and image bump
    [InlineData("{'spec':{'replicas':1,'template':{'spec':{'containers':[{'name':'app','image':'a:1'}]}}}}",
        "[{'op':'replace','path':'/spec/replicas','value':3},{'op':'replace','path':'/spec/template/spec/containers/0/image','value':'a:2'}]",
        "{'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'app','image':'a:2'}]}}}}")]
    public void Apply_Succeeds(string target, string ops, string expected)
    {
        AssertJson(expected, JsonPatch.Apply(Node(target), Ops(ops)));
    }

    [Theory]
    [InlineData("{'foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "/baz")]
    [InlineData("{'foo':'bar'}", "[{'op':'replace','path':'/spec/replicas','value':1}]", "/spec/replicas")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/a/b','value':1}]", "/a/b")]
    [InlineData("{'foo':[1]}", "[{'op':'add','path':'/foo/5','value':1}]", "/foo/5")]
    [InlineData("{'foo':[1]}", "[{'op':'remove','path':'/foo/1'}]", "/foo/1")]
    [InlineData("{'foo':[1]}", "[{'op':'remove','path':'/foo/01'}]", "/foo/01")]
    [InlineData("{'foo':'bar'}", "[{'op':'test','path':'/foo','value':'baz'}]", "/foo")]
    [InlineData("{'foo':'bar'}", "[{'op':'move','from':'/nope','path':'/x'}]", "/nope")]
    [InlineData("{'foo':{'a':1}}", "[{'op':'move','from':'/foo','path':'/foo/a/b'}]", "/foo/a/b")]
    [InlineData("{'foo':'bar'}", "[{'op':'frobnicate','path':'/foo'}]", "/foo")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/x'}]", "/x")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'x','value':1}]", "x")]
    public void Apply_Fails_NamingThePath(string target, string ops, string path)
    {
        var ex = Assert.Throws<PatchException>(() => JsonPatch.Apply(Node(target), Ops(ops)));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_FailureLeavesTargetUntouched()
    {
        var target = Obj("{'a':1}");
        Assert.Throws<PatchException>(() =>
            JsonPatch.Apply(target, Ops("[{'op':'add','path':'/b','value':2},{'op':'remove','path':'/zzz'}]")));
        AssertJsonText("{'a':1}", target);
    }

    [Fact]
    public void Apply_MissingOp_Throws()
    {
        Assert.Throws<PatchException>(() => JsonPatch.Apply(Obj("{}"), Ops("[{'path':'/a'}]")));
        Assert.Throws<PatchException>(() => JsonPatch.Apply(Obj("{}"), Ops("[42]")));
    }

    [Fact]
    public void Apply_CopyIsDeep()
    {
        var result = JsonPatch.Apply(Obj("{'a':{'b':1}}"), Ops("[{'op':'copy','from':'/a','path':'/c'},{'op':'replace','path':'/c/b','value':2}]"));
        AssertJson("{'a':{'b':1},'c':{'b':2}}", result);
    }
}

public sealed class JsonPatchEdgeTests
{
    [Theory]
    [InlineData("[1,2]", "[{'op':'add','path':'/-','value':3}]", "[1,2,3]")]
    [InlineData("[1,2]", "[{'op':'add','path':'/0','value':0}]", "[0,1,2]")]
    [InlineData("{'a':{'':1}}", "[{'op':'replace','path':'/a/','value':2}]", "{'a':{'':2}}")]
    [InlineData("{'a':1.0}", "[{'op':'test','path':'/a','value':1}]", "{'a':1.0}")]
    [InlineData("{'a':[{'b':1}]}", "[{'op':'test','path':'/a','value':[{'b':1}]}]", "{'a':[{'b':1}]}")]
    [InlineData("{'a':1}", "[{'op':'move','from':'/a','path':'/a'}]", "{'a':1}")]
    [InlineData("{'a':1}", "[{'op':'remove','path':''}]", "null")]
    [InlineData("{'finalizers':['x','y']}", "[{'op':'remove','path':'/finalizers/0'}]", "{'finalizers':['y']}")]
    public void Apply_EdgeCases(string target, string ops, string expected)
    {
        AssertJson(expected, JsonPatch.Apply(Node(target), Node(ops)!.AsArray()));
    }

    [Theory]
    [InlineData("[1]", "[{'op':'remove','path':'/-'}]", "/-")]
    [InlineData("[1]", "[{'op':'replace','path':'/-','value':1}]", "/-")]
    [InlineData("{'a':'str'}", "[{'op':'add','path':'/a/b','value':1}]", "/a/b")]
    [InlineData("{'a':1}", "[{'op':'test','path':'/missing','value':1}]", "/missing")]
    [InlineData("{'a':1}", "[{'op':'copy','from':'/x','path':'/y'}]", "/x")]
    public void Apply_EdgeFailures(string target, string ops, string path)
    {
        var ex = Assert.Throws<PatchException>(() => JsonPatch.Apply(Node(target), Node(ops)!.AsArray()));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.Path);
    }
}
