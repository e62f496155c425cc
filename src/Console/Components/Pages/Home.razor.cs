using Microsoft.AspNetCore.Components;
using RunnerConsole.Hosting;
using RunnerConsole.Model.Clusters;

namespace RunnerConsole.Components.Pages;

public sealed partial class Home
{
    [Inject]
    public required KubeconfigLocation Kubeconfig { get; init; }

    [Inject]
    public required IClusterDirectory Clusters { get; init; }

    private IReadOnlyList<ClusterChoice> Choices { get; set; } = [];

    private bool HasKubeconfigContexts => Choices.Any(c => !c.IsSandbox);

    protected override void OnInitialized() => Choices = Clusters.List();
}
