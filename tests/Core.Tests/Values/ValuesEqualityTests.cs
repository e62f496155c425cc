using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesEqualityTests
{
    [Fact]
    public void ContentEquals_SameFileLoadedTwice_IsTrueThoughRecordsDiffer()
    {
        var yaml = TestValues.MinimalYaml + "\nimages:\n  pullSecrets: [regcred]\n";
        var a = ValuesLoader.Load(yaml).Values!;
        var b = ValuesLoader.Load(yaml).Values!;

        Assert.NotEqual(a, b); // lists compare by reference in records: the reason this helper exists
        Assert.True(ValuesEquality.ContentEquals(a, b));
    }

    [Fact]
    public void ContentEquals_DifferentSecretValue_IsFalse()
    {
        var other = TestValues.Minimal with
        {
            Cloud = TestValues.Minimal.Cloud with { CustomerCredentials = SecretSource.FromValue("other") },
        };

        Assert.False(ValuesEquality.ContentEquals(TestValues.Minimal, other));
    }
}
