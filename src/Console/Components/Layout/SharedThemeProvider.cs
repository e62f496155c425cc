using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace RunnerConsole.Components.Layout;

/// <summary>
/// <see cref="MudThemeProvider"/> whose style sheet text is shared by every circuit instead of kept per circuit: the
/// sheet (palette, typography and z-index variables) is about 23 KB of text, the same for every circuit in the same
/// mode, and each open circuit held one or two copies of it in its render tree. Renders exactly the markup
/// MudThemeProvider renders (tests compare the two); all of its behaviour (dark mode, system preference) is inherited.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    // MudThemeProvider's fixed rule for chart series, between the scroll bar sheet and the theme sheet.
    private const string ChartSeriesStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    // A console has one theme in two modes; the bound only guards against a theme that would change at run time.
    private const int MaxSheets = 8;

    private static readonly ConcurrentDictionary<string, string> Sheets = new(StringComparer.Ordinal);

    // The sheet is still built on each render of the provider (rare: start and mode changes); only the copy the render
    // tree keeps is the shared one. Keyed by its text, so it can never show another mode's sheet.
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, Shared(Sheet()));

    private static string Shared(string sheet) =>
        Sheets.TryGetValue(sheet, out var shared) ? shared
        : Sheets.Count < MaxSheets ? Sheets.GetOrAdd(sheet, sheet)
        : sheet;

    private string Sheet() => (DefaultScrollbar ? string.Empty : BuildMudBlazorScrollbar()) + ChartSeriesStyle + BuildTheme();
}
