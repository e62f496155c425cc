namespace RunnerConsole.Core.Rendering.Components;

/// <summary>
/// The two NATS credential files (operator's "runner" and the shared "customer" one): Secrets rendered only from
/// typed-in values; with <c>existingSecret</c> the pods reference that Secret and nothing is rendered.
/// </summary>
internal static class CloudCredentials
{
    public const string DefaultKey = "nats.creds";

    public static SecretReference Runner(RenderScope s) =>
        SecretReferences.Resolve(s.Values.Cloud.RunnerCredentials, s.Derived("nats-runner-creds"), DefaultKey);

    public static SecretReference Customer(RenderScope s) =>
        SecretReferences.Resolve(s.Values.Cloud.CustomerCredentials, s.Derived("nats-customer-creds"), DefaultKey);

    public static IEnumerable<Manifest> Build(RenderScope s) =>
    [
        .. SecretReferences.Owned(s, s.Values.Cloud.RunnerCredentials, Runner(s), RunnerComponents.Operator, "operator", "templates/secrets/nats-runner-creds.yaml"),
        .. SecretReferences.Owned(s, s.Values.Cloud.CustomerCredentials, Customer(s), RunnerComponents.PartOf, "credentials", "templates/secrets/nats-customer-creds.yaml"),
    ];
}
