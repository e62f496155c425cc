using System.Globalization;

namespace RunnerConsole.ConsoleBench;

/// <summary>Command line of the console benchmark: the published console to start, how many circuits and edits.</summary>
internal sealed record BenchOptions(string Console, int Circuits, int Edits, string? Output, int HoldSeconds, string? Screenshot)
{
    public const string Usage = "usage: runner-console-bench-console --console PATH/runner-console.dll [--circuits N] [--edits N] [--quick] [--out FILE] [--hold SECONDS] [--screenshot FILE.png]";

    public static BenchOptions Parse(string[] args)
    {
        string? console = null;
        string? output = null;
        var circuits = 50;
        var edits = 50;
        var hold = 0;
        string? screenshot = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--console": console = Next(); break;
                case "--circuits": circuits = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--edits": edits = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": output = Next(); break;
                case "--hold": hold = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--screenshot": screenshot = Next(); break;
                case "--quick":
                    circuits = 3;
                    edits = 10;
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (console is null || !File.Exists(console))
        {
            throw new ArgumentException($"--console must name the published runner-console.dll (got '{console}')");
        }

        if (circuits < 1 || edits < 1)
        {
            throw new ArgumentException("--circuits and --edits must be at least 1");
        }

        return new BenchOptions(console, circuits, edits, output, hold, screenshot);
    }
}
