using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Sandbox.Tests;

/// <summary>One isolated kubectl/helm home per test class; each test starts its own sandbox and kubeconfig.</summary>
public sealed class ToolsFixture : IDisposable
{
    public ToolRunner Runner { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose() => Runner.Dispose();
}

/// <summary>A fresh sandbox plus helpers to run the real tools against it.</summary>
public sealed class SandboxSession : IAsyncDisposable
{
    private SandboxSession(SandboxServer server, ToolRunner runner, string kubeconfig)
    {
        Server = server;
        Runner = runner;
        Kubeconfig = kubeconfig;
    }

    public SandboxServer Server { get; }

    public ToolRunner Runner { get; }

    public string Kubeconfig { get; }

    public static async Task<SandboxSession> StartAsync(ToolsFixture tools, SandboxOptions? options = null)
    {
        var server = await SandboxServer.StartAsync(options ?? new SandboxOptions { ControllerDelay = TimeSpan.FromMilliseconds(20) }, TestContext.Current.CancellationToken);
        var kubeconfig = server.WriteKubeconfig(Path.Combine(tools.Runner.Home, $"kubeconfig-{Guid.NewGuid():N}"));
        return new SandboxSession(server, tools.Runner, kubeconfig);
    }

    /// <summary>Runs the real kubectl (.tools/bin) with <c>--request-timeout</c>.</summary>
    public Task<ToolResult> Kubectl(params string[] args) =>
        Runner.RunAsync("kubectl", [.. args, "--request-timeout=20s"], kubeconfig: Kubeconfig, cancellationToken: TestContext.Current.CancellationToken);

    public Task<ToolResult> KubectlStdin(string stdin, params string[] args) =>
        Runner.RunAsync("kubectl", [.. args, "--request-timeout=20s"], stdin: stdin, kubeconfig: Kubeconfig, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Runs kubectl without the default request timeout (watches, custom timeouts) and a hard process timeout.</summary>
    public Task<ToolResult> KubectlRaw(TimeSpan timeout, params string[] args) =>
        Runner.RunAsync("kubectl", args, timeout: timeout, kubeconfig: Kubeconfig, cancellationToken: TestContext.Current.CancellationToken);

    public Task<ToolResult> Helm(params string[] args) =>
        Runner.RunAsync("helm", args, kubeconfig: Kubeconfig, workingDirectory: Runner.Home, cancellationToken: TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

internal static class ToolAssert
{
    public static ToolResult Ok(this ToolResult result)
    {
        Assert.True(result.ExitCode == 0, $"expected exit 0\n{result}");
        return result;
    }

    public static ToolResult Fails(this ToolResult result)
    {
        Assert.True(result.ExitCode != 0, $"expected a failure\n{result}");
        return result;
    }

    public static ToolResult Shows(this ToolResult result, string text)
    {
        Assert.True(result.Output.Contains(text, StringComparison.Ordinal), $"expected output to contain:\n{text}\n{result}");
        return result;
    }

    public static ToolResult DoesNotShow(this ToolResult result, string text)
    {
        Assert.False(result.Output.Contains(text, StringComparison.Ordinal), $"expected output not to contain:\n{text}\n{result}");
        return result;
    }
}
