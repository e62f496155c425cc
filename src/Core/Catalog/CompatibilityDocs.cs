using System.Text;

namespace RunnerConsole.Core.Catalog;

/// <summary>The compatibility table of <c>docs/compatibility.md</c>, generated from the catalog.</summary>
public static class CompatibilityDocs
{
    /// <summary>The whole Markdown document for <paramref name="catalog"/>.</summary>
    public static string ToMarkdown(RunnerCatalog catalog)
    {
        var text = new StringBuilder();
        text.Append("# Compatibility\n\n");
        text.Append("<!-- Generated from src/Core/Catalog by CompatibilityDocs; a test keeps it in sync. Do not edit by hand. -->\n\n");
        text.Append("Runner versions this console installs and upgrades between. Each pins every image; an empty `image.tag` in the values takes the tag below.\n\n");
        text.Append("| runner version | app version | Kubernetes |\n|---|---|---|\n");
        foreach (var version in catalog.Versions)
        {
            text.Append("| `").Append(version.Version).Append("` | `").Append(version.AppVersion).Append("` | ")
                .Append(version.Kubernetes).Append(" |\n");
        }

        text.Append("\n## Images\n\n| component |");
        foreach (var version in catalog.Versions)
        {
            text.Append(' ').Append(version.Version).Append(" |");
        }

        text.Append("\n|---|").Append(string.Concat(catalog.Versions.Select(_ => "---|"))).Append('\n');
        var components = catalog.Latest.Images.All.Select(i => i.Component).ToList();
        foreach (var component in components)
        {
            text.Append("| `").Append(component).Append("` |");
            foreach (var version in catalog.Versions)
            {
                var image = version.Images.All.First(i => i.Component == component).Image;
                text.Append(" `").Append(image.Reference).Append("` |");
            }

            text.Append('\n');
        }

        text.Append("\n## Notes\n\n");
        foreach (var version in catalog.Versions)
        {
            text.Append("- **").Append(version.Version).Append("**: ").Append(version.Notes).Append('\n');
        }

        return text.ToString();
    }
}
