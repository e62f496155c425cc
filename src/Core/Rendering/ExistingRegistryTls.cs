namespace RunnerConsole.Core.Rendering;

/// <summary>Hands out a key pair that already exists (the live Secret on upgrade) so the pair is kept instead of rotated.</summary>
public sealed class ExistingRegistryTls(RegistryTlsMaterial material) : ISecretMaterialSource
{
    public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request) => material;
}
