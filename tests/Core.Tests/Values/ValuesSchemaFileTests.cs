using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesSchemaFileTests
{
    [Fact]
    public void ToJsonText_CheckedInSchema_IsInSync()
    {
        RepositoryFiles.AssertInSync("docs/values.schema.json", ValuesSchema.ToJsonText());
    }
}
