using RunnerConsole.Sandbox.Patching;
using static RunnerConsole.Sandbox.Tests.Patching.TestObjects;

namespace RunnerConsole.Sandbox.Tests.Patching;

public sealed class JsonMergePatchTests
{
    // RFC 7386 appendix A, plus Kubernetes-flavoured cases.
    [Theory]
    [InlineData("{'a':'b'}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}")]
    [InlineData("{'a':'b'}", "{'a':null}", "{}")]
    [InlineData("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}")]
    [InlineData("{'a':['b']}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'c'}", "{'a':['b']}", "{'a':['b']}")]
    [InlineData("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}")]
    [InlineData("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}")]
    [InlineData("['a','b']", "['c','d']", "['c','d']")]
    [InlineData("{'a':'b'}", "['c']", "['c']")]
    [InlineData("{'a':'foo'}", "null", "null")]
    [InlineData("{'a':'foo'}", "'bar'", "'bar'")]
    [InlineData("{'e':null}", "{'a':1}", "{'e':null,'a':1}")]
    [InlineData("[1,2]", "{'a':'b','c':null}", "{'a':'b'}")]
    [InlineData("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}")]
    [InlineData(
        "{'metadata':{'labels':{'app':'web','tier':'fe'}},'spec':{'replicas':1,'template':{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b'}]}}}}",
        "{'metadata':{'labels':{'tier':null,'env':'prod'}},'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'a','image':'y'}]}}}}",
        "{'metadata':{'labels':{'app':'web','env':'prod'}},'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'a','image':'y'}]}}}}")]
    [InlineData(
        "{'kind':'ConfigMap','data':{'a':'1','b':'2'}}",
        "{'data':{'b':null,'c':'3'}}",
        "{'kind':'ConfigMap','data':{'a':'1','c':'3'}}")]
    public void Apply_Rfc7386Cases(string target, string patch, string expected)
    {
        AssertJson(expected, JsonMergePatch.Apply(Node(target), Node(patch)));
    }

    [Fact]
    public void Apply_NullTarget_BuildsFromPatchWithoutNulls()
    {
        AssertJson("{'a':{'b':1}}", JsonMergePatch.Apply(null, Node("{'a':{'b':1,'c':null}}")));
    }

    [Fact]
    public void Apply_DoesNotMutateInputs()
    {
        var target = Deployment();
        var patch = Obj("{'spec':{'replicas':5},'metadata':{'labels':null}}");
        var targetText = target.ToJsonString();
        var patchText = patch.ToJsonString();

        var result = JsonMergePatch.Apply(target, patch);

        Assert.Equal(targetText, target.ToJsonString());
        Assert.Equal(patchText, patch.ToJsonString());
        Assert.Equal(5, (int)result!["spec"]!["replicas"]!);
        Assert.Null(result["metadata"]!["labels"]);
        // The result shares no nodes with the inputs.
        result["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "changed";
        Assert.Equal("nginx:1.27", (string)target["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!);
    }
}
