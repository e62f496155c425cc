using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

/// <summary>Values fixtures shared by the values tests.</summary>
internal static class TestValues
{
    /// <summary>A syntactically plausible NATS credentials file (not a real key).</summary>
    public const string Creds =
        "-----BEGIN NATS USER JWT-----\neyJ0eXAiOiJKV1QifQ.test.jwt\n------END NATS USER JWT------\n\n" +
        "-----BEGIN USER NKEY SEED-----\nSUATESTSEEDNOTREAL\n------END USER NKEY SEED------\n";

    /// <summary>The smallest values that validate: identity and both credentials.</summary>
    public static RunnerValues Minimal { get; } = RunnerValues.Defaults with
    {
        Runner = new RunnerIdentity { Name = "prod-runner", Organization = "acme" },
        Cloud = RunnerValues.Defaults.Cloud with
        {
            RunnerCredentials = SecretSource.FromExistingSecret("runner-nats"),
            CustomerCredentials = SecretSource.FromValue(Creds),
        },
    };

    /// <summary>The same as <see cref="Minimal"/>, as a values file.</summary>
    public const string MinimalYaml = """
        runner:
          name: prod-runner
          organization: acme
        cloud:
          runnerCredentials:
            existingSecret: runner-nats
          customerCredentials:
            existingSecret: customer-nats
            key: creds
        """;

    /// <summary>A values file naming both credentials as existing Secrets (nothing secret in the release), for runner <paramref name="name"/>.</summary>
    public static string WithExistingSecrets(string name) => $$"""
        runner: { name: {{name}}, organization: acme }
        cloud:
          runnerCredentials: { existingSecret: runner-nats }
          customerCredentials: { existingSecret: customer-nats }
        """;
}
