using k8s.Models;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Yaml;

namespace RunnerConsole.Model.Preview;

/// <summary>
/// YAML of rendered objects as the preview shows and downloads it: Secret data is replaced by its key name and byte
/// length, so no credential ever reaches the browser.
/// </summary>
public static class PreviewYaml
{
    /// <summary>The YAML of one object, secrets masked.</summary>
    public static string Of(Manifest manifest) =>
        KubeYaml.Serialize(manifest.Object is V1Secret secret ? Masked(secret) : manifest.Object);

    /// <summary>All objects as one multi-document stream, secrets masked.</summary>
    public static string Bundle(ManifestSet manifests) =>
        manifests.Count == 0 ? string.Empty : string.Join("---\n", manifests.Select(m => $"# Source: {m.Source}\n{Of(m)}"));

    /// <summary>Text that stands in for a secret value: never its content, only its size.</summary>
    public static string MaskedValue(int length) => $"<masked: {length} bytes>";

    private static V1Secret Masked(V1Secret secret)
    {
        var masked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, bytes) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            masked[key] = MaskedValue(bytes?.Length ?? 0);
        }

        foreach (var (key, text) in secret.StringData ?? new Dictionary<string, string>())
        {
            masked[key] = MaskedValue(System.Text.Encoding.UTF8.GetByteCount(text ?? string.Empty));
        }

        return new V1Secret
        {
            ApiVersion = secret.ApiVersion,
            Kind = secret.Kind,
            Metadata = secret.Metadata,
            Type = secret.Type,
            Immutable = secret.Immutable,
            StringData = masked.Count == 0 ? null : masked,
        };
    }
}
