using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RunnerConsole.Hosting;
using RunnerConsole.Model.Preview;

namespace RunnerConsole.Console.Tests.Hosting;

public sealed class ConsoleWebAppTests
{
    [Fact]
    public async Task Create_StartedFromAnotherDirectory_UsesTheInstallFolderAsContentRoot()
    {
        // A published console started as `dotnet /opt/runner-console/runner-console.dll serve` from elsewhere must still
        // find appsettings.json and its static web assets (it used to take the caller's directory and break the UI).
        await using var app = ConsoleWebApp.Create([], new ConsoleWebAppSettings(Urls: "http://127.0.0.1:0"));

        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(app.Environment.ContentRootPath));
    }

    [Fact]
    public async Task Create_ContentRootGiven_KeepsIt()
    {
        var root = Directory.CreateTempSubdirectory("content-root-").FullName;
        try
        {
            await using var app = ConsoleWebApp.Create([$"--contentRoot={root}"], new ConsoleWebAppSettings(Urls: "http://127.0.0.1:0"));

            Assert.Equal(Path.TrimEndingDirectorySeparator(root), Path.TrimEndingDirectorySeparator(app.Environment.ContentRootPath));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Create_IdleKeepAliveConnections_CloseAfterTheShortTimeout()
    {
        await using var app = ConsoleWebApp.Create([], new ConsoleWebAppSettings(Urls: "http://127.0.0.1:0"));

        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Equal(ConsoleWebApp.IdleConnectionTimeout, kestrel.Limits.KeepAliveTimeout);
        Assert.True(kestrel.Limits.KeepAliveTimeout < new KestrelServerLimits().KeepAliveTimeout);
    }

    [Fact]
    public async Task Create_TwoCircuits_ShareOnePreviewForEqualInputs()
    {
        await using var app = ConsoleWebApp.Create([], new ConsoleWebAppSettings(Urls: "http://127.0.0.1:0"));
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<PreviewModel>();
        var b = second.ServiceProvider.GetRequiredService<PreviewModel>();

        await a.RefreshAsync(Core.Values.RunnerValues.Defaults, "kubiya-runner", "kubiya");
        await b.RefreshAsync(Core.Values.RunnerValues.Defaults, "kubiya-runner", "kubiya");

        Assert.NotSame(a, b);
        Assert.True(a.Current.HasObjects);
        Assert.Same(a.Current, b.Current);
    }
}
