using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Preview;

/// <summary>The preview's renderer: Core's <see cref="RunnerRenderer"/> at the values' catalog version.</summary>
public sealed class CorePreviewRenderer(PreviewRegistryTls registryTls) : IPreviewRenderer
{
    // The registry key pair comes from one source per console: a fresh pair on every keystroke would be slow and make
    // the YAML jump, and equal inputs must render equal objects for circuits to share a preview.
    private readonly RenderContext _context = new(registryTls);

    public ManifestSet Render(RunnerValues values, string releaseName, string @namespace)
    {
        var version = RunnerCatalog.Default.Resolve(values.Version) ?? RunnerCatalog.Default.Latest;
        return RunnerRenderer.Render(values, version, releaseName, @namespace, _context);
    }
}
