namespace RunnerConsole.Hosting;

/// <summary>What <c>serve</c> was asked for on its command line; null means "use the default".</summary>
public sealed record ConsoleWebAppSettings(string? Urls = null, string? Kubeconfig = null, string? LogFormat = null, bool Sandbox = false)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
}
