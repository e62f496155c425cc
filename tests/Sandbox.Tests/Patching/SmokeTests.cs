using RunnerConsole.Sandbox.Patching;
using static RunnerConsole.Sandbox.Tests.Patching.TestObjects;

namespace RunnerConsole.Sandbox.Tests.Patching;

public sealed class SmokeTests
{
    [Fact]
    public void Apply_Create_RecordsFieldsV1()
    {
        var result = FieldManagement.Apply(null, Deployment(), "kubectl", false, T0);
        Assert.Empty(result.Conflicts);
        var mf = result.Object!["metadata"]!["managedFields"]!.AsArray();
        Assert.Single(mf);
        Console.WriteLine(result.Object.ToJsonString());
    }
}
