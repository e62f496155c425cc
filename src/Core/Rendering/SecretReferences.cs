using k8s.Models;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Rendering;

/// <summary>Where a pod reads a secret from: an existing Secret named by the operator, or the one this install renders.</summary>
internal sealed record SecretReference(string Name, string Key, bool Owned);

internal static class SecretReferences
{
    /// <summary>
    /// The existing Secret when one is named (nothing is rendered then), else the install's own Secret
    /// <paramref name="ownedName"/> holding the typed-in value under <paramref name="defaultKey"/>.
    /// </summary>
    public static SecretReference Resolve(SecretSource source, string ownedName, string defaultKey) =>
        source.HasExistingSecret
            ? new SecretReference(source.ExistingSecret, source.EffectiveKey(defaultKey), Owned: false)
            : new SecretReference(ownedName, defaultKey, Owned: true);

    /// <summary>The Secret holding a typed-in value, or nothing when the source is an existing Secret or empty.</summary>
    public static IEnumerable<Manifest> Owned(RenderScope s, SecretSource source, SecretReference reference, string component, string role, string template)
    {
        if (!reference.Owned || !source.HasValue)
        {
            yield break;
        }

        yield return new Manifest(template, new V1Secret
        {
            ApiVersion = "v1",
            Kind = V1Secret.KubeKind,
            Metadata = s.Meta(reference.Name, component, role),
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { [reference.Key] = System.Text.Encoding.UTF8.GetBytes(source.Value) },
        });
    }
}
