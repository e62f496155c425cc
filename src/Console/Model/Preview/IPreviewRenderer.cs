using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Preview;

/// <summary>Renders the manifests the wizard's values would install; the seam between the preview and Core's renderer.</summary>
public interface IPreviewRenderer
{
    ManifestSet Render(RunnerValues values, string releaseName, string @namespace);
}
