using System.Text.Json.Nodes;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Model.Operate;

/// <summary>
/// Keeps the registry key pair that is already in the cluster (an upgrade must not rotate it); falls back to a fresh
/// self-signed pair when none exists yet (first install, or dagger newly enabled).
/// </summary>
public sealed class LiveRegistryTls(IReadOnlyList<JsonObject> liveTlsSecrets, TimeProvider time) : ISecretMaterialSource
{
    private readonly SelfSignedRegistryTls _fresh = new(time);

    public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request)
    {
        var live = liveTlsSecrets.FirstOrDefault(s => (string?)s["metadata"]?["name"] == request.SecretName);
        if (live?["data"] is JsonObject data
            && data["tls.crt"]?.GetValue<string>() is { Length: > 0 } crt
            && data["tls.key"]?.GetValue<string>() is { Length: > 0 } key)
        {
            return new RegistryTlsMaterial(Convert.FromBase64String(crt), Convert.FromBase64String(key));
        }

        return _fresh.GetRegistryTls(request);
    }
}
