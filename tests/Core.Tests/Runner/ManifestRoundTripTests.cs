using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Tests.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Runner;

/// <summary>A rollback re-applies the stored manifest: it must give back exactly the objects that were rendered.</summary>
public sealed class ManifestRoundTripTests
{
    [Fact]
    public void JoinThenParse_RenderedRunner_GivesBackIdenticalObjects()
    {
        var values = RunnerValues.Defaults with
        {
            Runner = new RunnerIdentity { Name = "eu-runner", Organization = "acme" },
            Cloud = new CloudValues
            {
                RunnerCredentials = SecretSource.FromExistingSecret("runner-nats-creds"),
                CustomerCredentials = SecretSource.FromExistingSecret("customer-nats-creds"),
            },
        };
        var rendered = RunnerRenderer.Render(values, RunnerCatalog.Default.Latest, "runner", "kubiya", new RenderContext(new TestSecretMaterial()));

        var parsed = HelmManifest.Parse(HelmManifest.Join(rendered));

        Assert.Equal(rendered.Select(m => m.Source), parsed.Select(m => m.Source));
        foreach (var (original, back) in rendered.Zip(parsed))
        {
            Assert.Equal(original.ToYaml(), back.ToYaml());
        }
    }
}
