using RunnerConsole.Core.Planning;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.Console.Tests.Operate;

public sealed class UnifiedPatchTests
{
    [Theory]
    [InlineData("a\nb\nc\n", "a\nB\nc\n")]
    [InlineData("", "x: 1\ny: 2\n")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "1\n2a\n3\n4\n5\n6\n7\n8\n9\n10\n11b\n12\n13\n")]
    [InlineData("same\n", "same\n")]
    public void Apply_CoreUnifiedDiff_RebuildsTheNewText(string before, string after)
    {
        var diff = TextDiff.Unified(before, after);

        Assert.Equal(after, UnifiedPatch.Apply(before, diff));
    }
}
