using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Preview;

/// <summary>The preview's renderer: Core's <see cref="RunnerRenderer"/> at the values' catalog version.</summary>
public sealed class CorePreviewRenderer(TimeProvider time) : IPreviewRenderer
{
    // One registry key pair per circuit: a fresh pair on every keystroke would be slow and make the YAML jump.
    private readonly RenderContext _context = RenderContext.ForInstall(time);

    public ManifestSet Render(RunnerValues values, string releaseName, string @namespace)
    {
        var version = RunnerCatalog.Default.Resolve(values.Version) ?? RunnerCatalog.Default.Latest;
        return RunnerRenderer.Render(values, version, releaseName, @namespace, _context);
    }
}
