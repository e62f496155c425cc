using Bunit;
using MudBlazor;
using RunnerConsole.Components.Layout;

namespace RunnerConsole.Console.Tests.Layout;

public sealed class SharedThemeProviderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_SameMarkupAsMudThemeProvider(bool dark)
    {
        await using var context = TestConsoleContext.Create();

        var mud = context.Render<MudThemeProvider>(p => p.Add(t => t.Theme, ConsoleTheme.Theme).Add(t => t.IsDarkMode, dark));
        var shared = context.Render<SharedThemeProvider>(p => p.Add(t => t.Theme, ConsoleTheme.Theme).Add(t => t.IsDarkMode, dark));

        Assert.Contains("mud-theme-provider", mud.Markup, StringComparison.Ordinal);
        Assert.Equal(mud.Markup, shared.Markup);
    }

    [Fact]
    public async Task Render_ModeChange_FollowsTheMode()
    {
        await using var context = TestConsoleContext.Create();
        var provider = context.Render<SharedThemeProvider>(p => p.Add(t => t.Theme, ConsoleTheme.Theme));
        Assert.Contains("--mud-native-html-color-scheme: light;", provider.Markup, StringComparison.Ordinal);

        provider.Render(p => p.Add(t => t.IsDarkMode, true));

        Assert.Contains("--mud-native-html-color-scheme: dark;", provider.Markup, StringComparison.Ordinal);
        Assert.Contains(ConsoleTheme.Theme.PaletteDark.Primary.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA), provider.Markup, StringComparison.Ordinal);
    }
}
