using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace RunnerConsole.Model.Wizard;

/// <summary>
/// Keeps the wizard snapshot in the tab's session storage, encrypted by ASP.NET data protection. Snapshots never hold
/// secret values (see <see cref="InstallWizardModel.ToSnapshot"/>), so even a stolen storage entry reveals none.
/// </summary>
public sealed class SessionWizardStateStore(ProtectedSessionStorage storage) : IWizardStateStore
{
    private const string Key = "runner-console.install-wizard";

    public async Task SaveAsync(WizardSnapshot snapshot, CancellationToken cancellationToken)
    {
        try
        {
            await storage.SetAsync(Key, snapshot);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // Losing the reload copy is harmless: the circuit still holds the state.
        }
    }

    public async Task<WizardSnapshot?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await storage.GetAsync<WizardSnapshot>(Key);
            return result.Success ? result.Value : null;
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or CryptographicException or System.Text.Json.JsonException or TaskCanceledException)
        {
            // A snapshot from an older version or another key ring is simply not restored.
            return null;
        }
    }
}
