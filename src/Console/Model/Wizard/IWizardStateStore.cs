namespace RunnerConsole.Model.Wizard;

/// <summary>Where the wizard keeps its snapshot across a full page reload (the browser's session storage in the app).</summary>
public interface IWizardStateStore
{
    Task SaveAsync(WizardSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The saved snapshot, or null when there is none or it cannot be read.</summary>
    Task<WizardSnapshot?> LoadAsync(CancellationToken cancellationToken);
}
