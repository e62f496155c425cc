using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Tests.Rendering;
using RunnerConsole.Core.Values;
using RunnerConsole.Sandbox;
using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Core.Tests.Runner;

/// <summary>The rendered runner is accepted by the real kubectl against an API server (the sandbox).</summary>
public sealed class RenderedRunnerKubectlTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubectl-dry-run-").FullName;
    private readonly ToolRunner _tools = new();
    private SandboxServer? _server;

    public async ValueTask DisposeAsync()
    {
        _tools.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    public static TheoryData<bool> Variants => [false, true];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task KubectlApplyServerSideDryRun_RenderedRunner_IsAcceptedWhole(bool everything)
    {
        _server = await SandboxServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _tools.Kubeconfig = _server.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
        var values = RunnerValues.Defaults with
        {
            Runner = new RunnerIdentity { Name = "eu-runner", Organization = "acme" },
            Cloud = new CloudValues
            {
                RunnerCredentials = SecretSource.FromExistingSecret("runner-nats-creds"),
                CustomerCredentials = SecretSource.FromExistingSecret("customer-nats-creds"),
            },
        };
        if (everything)
        {
            values = values with
            {
                Images = values.Images with { Registry = "mirror.example.com", PullSecrets = ["mirror-pull"] },
                Monitoring = values.Monitoring with
                {
                    Healthchecks = values.Monitoring.Healthchecks with { Enabled = true, PingUrl = "https://hc-ping.com/0b6c5ad4-0f39-4c5e-9f60-3a6f5b0e1d2c" },
                },
            };
        }

        var manifests = RunnerRenderer.Render(values, RunnerCatalog.Default.Latest, "runner", "kubiya", new RenderContext(new TestSecretMaterial()));
        var bundle = Path.Combine(_dir, "bundle.yaml");
        await File.WriteAllTextAsync(bundle, manifests.ToYaml(), TestContext.Current.CancellationToken);

        var create = await _tools.KubectlAsync("create", "namespace", "kubiya");
        var apply = await _tools.KubectlAsync("apply", "--server-side", "--dry-run=server", "--field-manager=runner-console", "-f", bundle);

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var lines = apply.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(manifests.Count, lines.Length);
        Assert.All(lines, line => Assert.EndsWith("(server dry run)", line.Trim()));
    }
}
