namespace RunnerConsole.Model.Wizard;

/// <summary>
/// What survives a full page reload in the browser's session storage: everything but secret values, which are never
/// written to browser storage (the user is told to enter them again).
/// </summary>
public sealed record WizardSnapshot(
    string ValuesYaml,
    string Context,
    string Namespace,
    string ReleaseName,
    int StepIndex,
    IReadOnlyList<string> RemovedSecrets);
