using System.Diagnostics;
using RunnerConsole.Cli;

namespace RunnerConsole;

/// <summary>The one executable: the web console (<c>serve</c>, the default verb) and every CLI verb.</summary>
public sealed class Program
{
    public static Task<int> Main(string[] args)
    {
        StartupTrace.Mark("main");
        return RenderCommand.TryRunDirect(args) ?? CliApp.RunAsync(args);
    }
}

/// <summary>
/// Milliseconds since process start at named points, on stderr, when <c>RUNNER_CONSOLE_TRACE_STARTUP=1</c>: where a
/// CLI verb's start-up time goes. Costs nothing otherwise.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("RUNNER_CONSOLE_TRACE_STARTUP") == "1";

    public static void Mark(string phase)
    {
        if (Enabled)
        {
            var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
            Console.Error.WriteLine($"[startup] {elapsed.TotalMilliseconds,6:F0} ms  {phase}");
        }
    }
}
