using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Model.Preview;

/// <summary>
/// The registry key pair previews show, one per namespace and DNS names for the whole console (a singleton), so equal
/// wizard inputs render equal objects and circuits can share one preview (<see cref="SharedPreviews"/>). Previews mask
/// Secret data and never reach a cluster: the install renders its own fresh pair (Core's engine), so no preview key is
/// ever used for TLS.
/// </summary>
public sealed class PreviewRegistryTls(TimeProvider time) : ISecretMaterialSource
{
    // Namespaces a console sees in its lifetime are few; a bound keeps a long-running console from growing anyway.
    private const int MaxEntries = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RegistryTlsMaterial> _issued = new(StringComparer.Ordinal);

    public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request)
    {
        var key = string.Join('\n', [request.Namespace, request.SecretName, .. request.DnsNames]);
        lock (_gate)
        {
            if (_issued.TryGetValue(key, out var material))
            {
                return material;
            }

            if (_issued.Count >= MaxEntries)
            {
                _issued.Clear();
            }

            material = new SelfSignedRegistryTls(time).GetRegistryTls(request);
            _issued[key] = material;
            return material;
        }
    }
}
