using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RunnerConsole.Components.Pages.Operate;

namespace RunnerConsole.Console.Tests.Operate;

public sealed class DiffPaneTests : IAsyncDisposable
{
    private const string Show = "runnerConsole.diffPane.show";
    private const string Release = "runnerConsole.diffPane.release";
    private readonly BunitContext _context = TestConsoleContext.Create();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task DarkMode_FollowsTheLayout_AndSwitchesWithIt()
    {
        var cut = _context.Render<CascadingValue<bool>>(p => p
            .Add(c => c.Name, "DarkMode")
            .Add(c => c.Value, true)
            .AddChildContent<DiffPane>(pane => pane.Add(d => d.Original, "a: 1\n").Add(d => d.Modified, "a: 2\n")));
        await cut.WaitForAssertionAsync(() => Assert.Equal(["vs-dark"], Shown().Select(s => s.Theme)));

        cut.Render(p => p.Add(c => c.Value, false));
        await cut.WaitForAssertionAsync(() => Assert.Equal(["vs-dark", "vs"], Shown().Select(s => s.Theme)));
    }

    [Fact]
    public async Task EachNewPairOfTexts_IsSentOnce_InOneCall()
    {
        var cut = _context.Render<DiffPane>(p => p.Add(d => d.Original, "a: 1\n").Add(d => d.Modified, "a: 2\n"));
        await cut.WaitForAssertionAsync(() => Assert.Single(Shown()));

        cut.Render(p => p.Add(d => d.Original, "a: 1\n").Add(d => d.Modified, "a: 2\n").Add(d => d.Label, "same texts"));
        cut.Render(p => p.Add(d => d.Original, "b: 1\n").Add(d => d.Modified, "b: 3\n"));
        cut.Render(p => p.Add(d => d.Original, "c: 1\n").Add(d => d.Modified, "c: 4\n"));

        await cut.WaitForAssertionAsync(() => Assert.Equal(
            [("a: 1\n", "a: 2\n"), ("b: 1\n", "b: 3\n"), ("c: 1\n", "c: 4\n")],
            Shown().Select(s => (s.Original, s.Modified))));
        Assert.All(Shown(), s => Assert.Equal(Shown()[0].Id, s.Id));
    }

    [Fact]
    public async Task Disposing_FreesThePanesModels()
    {
        var cut = _context.Render<DiffPane>(p => p.Add(d => d.Original, "a: 1\n").Add(d => d.Modified, "a: 2\n"));
        await cut.WaitForAssertionAsync(() => Assert.Single(Shown()));

        await cut.Instance.DisposeAsync();

        var released = Assert.Single(_context.JSInterop.Invocations, i => i.Identifier == Release);
        Assert.Equal(Shown()[0].Id, released.Arguments[0]);
    }

    [Fact]
    public async Task ABrowserError_IsShownInThePane_NotThrownIntoTheCircuit()
    {
        _context.JSInterop.SetupVoid(Show, _ => true).SetException(new JSException("model is gone"));

        var cut = _context.Render<DiffPane>(p => p.Add(d => d.Original, "a: 1\n").Add(d => d.Modified, "a: 2\n"));

        await cut.WaitForAssertionAsync(() => Assert.Contains("could not show this diff: model is gone", cut.Markup, StringComparison.Ordinal));
    }

    private List<(string Id, string Original, string Modified, string Theme)> Shown() =>
        [.. _context.JSInterop.Invocations
            .Where(i => i.Identifier == Show)
            .Select(i => ((string)i.Arguments[0]!, (string)i.Arguments[1]!, (string)i.Arguments[2]!, (string)i.Arguments[3]!))];
}
