namespace RunnerConsole.Core.Rendering;

/// <summary>Inputs of a render that are not values: where secret material comes from.</summary>
public sealed record RenderContext(ISecretMaterialSource SecretMaterial)
{
    /// <summary>A context for a first install: a fresh registry key pair, generated once for this context.</summary>
    public static RenderContext ForInstall(TimeProvider time) => new(new SelfSignedRegistryTls(time));
}
