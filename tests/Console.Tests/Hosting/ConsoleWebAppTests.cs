using RunnerConsole.Hosting;

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
}
