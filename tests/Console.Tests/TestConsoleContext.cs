using Bunit;
using MudBlazor.Services;

namespace RunnerConsole.Console.Tests;

/// <summary>A bUnit context with what every console component needs: MudBlazor services and loose JS interop.</summary>
public static class TestConsoleContext
{
    public static BunitContext Create()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        return context;
    }
}
