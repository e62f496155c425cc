using Microsoft.JSInterop;

namespace RunnerConsole.Model.Preview;

/// <summary>Files the browser saves: the values file and the manifest bundle, handed over only when asked for.</summary>
public static class Downloads
{
    /// <summary>The JavaScript function in <c>wwwroot/install-wizard.js</c> that saves text as a file.</summary>
    public const string DownloadFunction = "runnerConsole.downloadText";

    public static ValueTask SaveAsync(IJSRuntime js, string fileName, string text) =>
        js.InvokeVoidAsync(DownloadFunction, fileName, text);
}
