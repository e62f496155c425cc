using Microsoft.AspNetCore.Components;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Hosting;

namespace RunnerConsole.Components.Pages;

public sealed partial class Home
{
    [Inject]
    public required KubeconfigLocation Kubeconfig { get; init; }

    private KubeconfigReadResult Contexts { get; set; } = new(string.Empty, [], null);

    protected override void OnInitialized() => Contexts = KubeconfigContexts.Read(Kubeconfig.Path);
}
