using System.Text;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>
/// Deterministic stand-in for the per-install registry key pair: clearly fake bytes, so golden files stay stable and
/// the repository never holds a private key.
/// </summary>
internal sealed class TestSecretMaterial : ISecretMaterialSource
{
    public int Requests { get; private set; }

    public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request)
    {
        Requests++;
        return new RegistryTlsMaterial(
            Encoding.ASCII.GetBytes($"test-certificate-placeholder for {string.Join(',', request.DnsNames)}\n"),
            Encoding.ASCII.GetBytes("test-private-key-placeholder\n"));
    }
}
