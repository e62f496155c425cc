namespace RunnerConsole.Model.Wizard;

/// <summary>The steps of the install wizard, in order.</summary>
public enum WizardStep
{
    Cluster,
    Identity,
    Components,
    Monitoring,
    Security,
    Review,
}

/// <summary>What a step is called and which value keys it edits (its errors are the ones under these prefixes).</summary>
public sealed record WizardStepInfo(WizardStep Step, string Title, string Subtitle, IReadOnlyList<string> Prefixes)
{
    public static IReadOnlyList<WizardStepInfo> All { get; } =
    [
        new(WizardStep.Cluster, "Cluster", "Context and namespace", []),
        new(WizardStep.Identity, "Runner identity", "Name, organization, cloud connection", ["version", "runner", "cloud"]),
        new(WizardStep.Components, "Components", "Toggles, replicas, resources", ["operator", "agentManager", "toolManager", "dagger", "imageUpdater"]),
        new(WizardStep.Monitoring, "Monitoring", "Scraping and remote write", ["monitoring"]),
        new(WizardStep.Security, "Security & images", "Registry, pull secrets, TLS, cluster access", ["images", "registryTls"]),
        new(WizardStep.Review, "Review", "Check and continue", []),
    ];

    public static WizardStepInfo Of(WizardStep step) => All[(int)step];

    /// <summary>True when an error at <paramref name="path"/> belongs to this step.</summary>
    public bool Owns(string path) => Prefixes.Any(p => Core.Values.ValuesValidator.IsUnder(path, p));
}
