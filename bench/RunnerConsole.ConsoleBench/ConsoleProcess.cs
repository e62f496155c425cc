using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace RunnerConsole.ConsoleBench;

/// <summary>
/// The published console started as users start it (<c>serve --sandbox</c>, loopback, no kubeconfig), with a fresh
/// operator token. Its output goes to a log file, never to the terminal (it contains the sign-in URL).
/// </summary>
internal sealed class ConsoleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _home;
    private readonly string _log;

    private ConsoleProcess(Process process, Uri baseAddress, string token, string home, string log)
    {
        _log = log;
        _process = process;
        BaseAddress = baseAddress;
        Token = token;
        _home = home;
    }

    public Uri BaseAddress { get; }

    public string Token { get; }

    public int Pid => _process.Id;

    public static async Task<ConsoleProcess> StartAsync(string dll)
    {
        var port = FreePort();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var home = Directory.CreateTempSubdirectory("runner-console-bench-").FullName;
        var log = Path.Combine(home, "console.log");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "serve", "--urls", $"http://127.0.0.1:{port}", "--sandbox" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RUNNER_CONSOLE_TOKEN"] = token;
        start.Environment["KUBECONFIG"] = Path.Combine(home, "no-kubeconfig");
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var console = new ConsoleProcess(process, new Uri($"http://127.0.0.1:{port}/"), token, home, log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the console exited with {process.ExitCode} during start-up; its output is in {log}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(console.BaseAddress, "readyz"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return console;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer.
            }

            await Task.Delay(200);
        }

        await console.DisposeAsync();
        throw new TimeoutException($"the console did not report ready within 60 s; its output is in {log}");
    }

    /// <summary>The end of the console's log, for a failure report; the sign-in line (it holds the token) is left out.</summary>
    public string LogTail(int lines = 60)
    {
        var all = File.ReadAllLines(_log).Where(line => !line.Contains(Token, StringComparison.Ordinal)).ToArray();
        return string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>Resident set size once it stops moving: the median of five samples a second apart.</summary>
    public async Task<long> SettledRssAsync()
    {
        var samples = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            samples.Add(Rss());
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    private long Rss()
    {
        // VmRSS in /proc/<pid>/status is in kB.
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS for pid {_process.Id}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open: left in the temp folder.
        }
    }
}
