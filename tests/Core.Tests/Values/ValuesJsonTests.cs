using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesJsonTests
{
    [Fact]
    public void HasInlineSecrets_OnlyExistingSecrets_False()
    {
        var values = TestValues.Minimal with
        {
            Cloud = TestValues.Minimal.Cloud with { CustomerCredentials = SecretSource.FromExistingSecret("customer-nats") },
        };

        Assert.False(ValuesJson.HasInlineSecrets(values));
        Assert.False(ValuesJson.HasInlineSecrets(RunnerValues.Defaults));
    }

    [Fact]
    public void HasInlineSecrets_ACredentialTypedIn_True()
    {
        Assert.True(ValuesJson.HasInlineSecrets(TestValues.Minimal));
        Assert.Equal(
            ValuesJson.HasInlineSecrets(TestValues.Minimal),
            ValuesJson.ToJson(TestValues.Minimal, redactSecrets: true).ToJsonString() != ValuesJson.ToJson(TestValues.Minimal, redactSecrets: false).ToJsonString());
    }
}
