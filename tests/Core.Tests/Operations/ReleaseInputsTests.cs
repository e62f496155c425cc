using RunnerConsole.Core.Operations;

namespace RunnerConsole.Core.Tests.Operations;

public sealed class ReleaseInputsTests
{
    [Fact]
    public void ToJson_ValuesYaml_TypesScalarsLikeHelm()
    {
        var json = ReleaseInputs.ToJson("a:\n  n: 3\n  f: 1.5\n  b: true\n  s: \"3\"\n  z: ~\n  l: [x, 2]\n");

        Assert.Equal("""{"a":{"n":3,"f":1.5,"b":true,"s":"3","z":null,"l":["x",2]}}""", json.ToJsonString());
    }

    [Fact]
    public async Task FromValuesAsync_InvalidValues_ReturnsEveryErrorAndNoRequest()
    {
        var result = await ReleaseInputs.FromValuesAsync("runner:\n  name: UPPER\n", null, "runner", "kubiya", null, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Null(result.Request);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public async Task FromValuesAsync_UnknownVersion_IsAnError()
    {
        var result = await ReleaseInputs.FromValuesAsync(string.Empty, "0.0.0-nope", "runner", "kubiya", null, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Null(result.Request);
        Assert.Contains(result.Errors, e => e.Contains("0.0.0-nope", StringComparison.Ordinal) || e.Contains("required", StringComparison.Ordinal));
    }
}
