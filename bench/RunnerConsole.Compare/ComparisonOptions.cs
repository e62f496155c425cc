using System.Globalization;

namespace RunnerConsole.Compare;

/// <summary>
/// Command line of the comparison: how many rounds, at which latencies, where the CLI under test is, and whether every
/// sandbox serves TLS (HTTPS with HTTP/2, as real API servers do) instead of plain HTTP/1.1.
/// </summary>
internal sealed record ComparisonOptions(string Cli, int Rounds, int Warmup, IReadOnlyList<int> LatenciesMs, IReadOnlyList<string> Variants, string? Output, bool Tls = false)
{
    public static ComparisonOptions Parse(string[] args)
    {
        string? cli = null;
        string? output = null;
        var tls = false;
        var rounds = 5;
        var warmup = 1;
        IReadOnlyList<int> latencies = [0, 25];
        IReadOnlyList<string> variants = ["default", "large"];
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--cli": cli = Next(); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--latency": latencies = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--variants": variants = [.. Next().Split(',')]; break;
                case "--out": output = Next(); break;
                case "--tls": tls = true; break;
                case "--quick":
                    rounds = 1;
                    warmup = 0;
                    latencies = [0];
                    variants = ["default"];
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (cli is null || !File.Exists(cli))
        {
            throw new ArgumentException($"--cli must name the built runner-console executable (got '{cli}')");
        }

        if (rounds < 1)
        {
            throw new ArgumentException("--rounds must be at least 1");
        }

        return new ComparisonOptions(cli, rounds, warmup, latencies, variants, output, tls);
    }
}
