using System.Diagnostics;

namespace RunnerConsole.Core.Tests.Operations;

/// <summary>Runs the real helm binary (from .tools/bin, then PATH) against a sandbox kubeconfig, with isolated helm home dirs.</summary>
internal sealed class TestHelm(string kubeconfig, string home)
{
    public static string? FindBinary()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "bin", "helm");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "helm")).FirstOrDefault(File.Exists);
    }

    /// <summary>The helm binary, or the test is skipped with the reason.</summary>
    public static string Require()
    {
        var found = FindBinary();
        if (found is null)
        {
            Assert.Skip("helm is not installed (run eng/install-tools.sh)");
        }

        return found!;
    }

    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args.Concat(["--kubeconfig", kubeconfig]))
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        start.Environment["KUBECONFIG"] = kubeconfig;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public async Task<string> OkAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await RunAsync(args);
        Assert.True(exit == 0, $"helm {string.Join(' ', args)} exited {exit}: {stderr}\n{stdout}");
        return stdout;
    }
}
