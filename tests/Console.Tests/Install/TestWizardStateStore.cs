using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Console.Tests.Install;

/// <summary>Session storage stand-in: keeps the last snapshot in memory.</summary>
public sealed class TestWizardStateStore : IWizardStateStore
{
    public WizardSnapshot? Saved { get; set; }

    public Task SaveAsync(WizardSnapshot snapshot, CancellationToken cancellationToken)
    {
        Saved = snapshot;
        return Task.CompletedTask;
    }

    public Task<WizardSnapshot?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Saved);
}
