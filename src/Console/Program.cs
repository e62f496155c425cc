using RunnerConsole.Cli;

namespace RunnerConsole;

/// <summary>The one executable: the web console (<c>serve</c>, the default verb) and every CLI verb.</summary>
public sealed class Program
{
    public static Task<int> Main(string[] args)
    {
        CliStartup.Begin(args);
        return CliApp.RunAsync(args);
    }
}
