using System.Diagnostics;
using System.Text;

namespace RunnerConsole.Sandbox.Tooling;

/// <summary>The outcome of one tool run.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr, TimeSpan Duration, bool TimedOut)
{
    /// <summary>Stdout and stderr together, for assertions on what a user would see.</summary>
    public string Output => Stdout + Stderr;

    public override string ToString() =>
        $"exit {ExitCode}{(TimedOut ? " (timed out)" : "")} in {Duration.TotalMilliseconds:0} ms\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs <c>kubectl</c>/<c>helm</c> with an isolated home: <c>KUBECONFIG</c>, <c>KUBECACHEDIR</c>, <c>HOME</c> and the
/// <c>HELM_*_HOME</c> directories point into a temporary directory deleted on dispose. Reuse one per test class.
/// </summary>
public sealed class ToolRunner : IDisposable
{
    public ToolRunner(string? kubeconfig = null)
    {
        Home = Path.Combine(Path.GetTempPath(), "rc-tools-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Home);
        Kubeconfig = kubeconfig ?? Path.Combine(Home, "kubeconfig");
    }

    /// <summary>The temporary home directory.</summary>
    public string Home { get; }

    /// <summary>The kubeconfig passed as <c>KUBECONFIG</c> (settable, e.g. to a sandbox's).</summary>
    public string Kubeconfig { get; set; }

    /// <summary>Default timeout of a run (60 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra environment variables for every run.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public IReadOnlyDictionary<string, string> ToolEnvironment(string? kubeconfig = null) => new Dictionary<string, string>(Environment)
    {
        ["KUBECONFIG"] = kubeconfig ?? Kubeconfig,
        ["KUBECACHEDIR"] = Path.Combine(Home, "kube-cache"),
        ["HOME"] = Home,
        ["HELM_CACHE_HOME"] = Path.Combine(Home, "helm-cache"),
        ["HELM_CONFIG_HOME"] = Path.Combine(Home, "helm-config"),
        ["HELM_DATA_HOME"] = Path.Combine(Home, "helm-data"),
        ["NO_COLOR"] = "1",
    };

    /// <summary>Runs a tool by name (found with <see cref="ExternalTools.Require"/>) or by path.</summary>
    public Task<ToolResult> RunAsync(string tool, IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null, string? kubeconfig = null, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var path = tool.Contains('/', StringComparison.Ordinal) || tool.Contains('\\', StringComparison.Ordinal) ? tool : ExternalTools.Require(tool);
        return RunProcessAsync(path, args, ToolEnvironment(kubeconfig), stdin, timeout ?? Timeout, workingDirectory ?? Home, cancellationToken);
    }

    public Task<ToolResult> KubectlAsync(params string[] args) => RunAsync("kubectl", args);

    public Task<ToolResult> HelmAsync(params string[] args) => RunAsync("helm", args);

    /// <summary>Runs any process with the given environment, capturing output, killing it (and its children) on timeout.</summary>
    public static async Task<ToolResult> RunProcessAsync(string path, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string? stdin, TimeSpan timeout, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? System.Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = new Process { StartInfo = psi };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.Append(e.Data).Append('\n');
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.Append(e.Data).Append('\n');
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }

            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }

        // Drain the asynchronous readers.
        process.WaitForExit();
        string o, e;
        lock (stdout)
        {
            o = stdout.ToString();
        }

        lock (stderr)
        {
            e = stderr.ToString();
        }

        return new ToolResult(timedOut ? -1 : process.ExitCode, o, e, Stopwatch.GetElapsedTime(started), timedOut);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }
}
