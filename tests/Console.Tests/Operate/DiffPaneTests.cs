using Bunit;
using Microsoft.AspNetCore.Components;
using RunnerConsole.Components.Pages.Operate;

namespace RunnerConsole.Console.Tests.Operate;

public sealed class DiffPaneTests : IAsyncDisposable
{
    private readonly BunitContext _context = TestConsoleContext.Create();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task DarkMode_FollowsTheLayout_AndSwitchesWithIt()
    {
        var cut = _context.Render<CascadingValue<bool>>(p => p
            .Add(c => c.Name, "DarkMode")
            .Add(c => c.Value, true)
            .AddChildContent<DiffPane>(pane => pane.Add(d => d.Original, "a: 1\n").Add(d => d.Modified, "a: 2\n")));
        await cut.WaitForAssertionAsync(() => Assert.Equal(["vs-dark"], Themes()));

        cut.Render(p => p.Add(c => c.Value, false));
        await cut.WaitForAssertionAsync(() => Assert.Equal(["vs-dark", "vs"], Themes()));
    }

    private string[] Themes() =>
        [.. _context.JSInterop.Invocations
            .Where(i => i.Identifier.EndsWith("setTheme", StringComparison.Ordinal))
            .Select(i => (string)i.Arguments[^1]!)];
}
