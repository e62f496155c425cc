using System.Net;
using RunnerConsole.Core.Operations;

namespace RunnerConsole.Core.Tests.Operations;

public sealed class OperationTraceTests
{
    [Fact]
    public async Task Mark_RequestsThroughTheHandler_ChargedToTheirStep()
    {
        var trace = new OperationTrace(TimeSpan.FromMilliseconds(40));
        using var client = new HttpClient(trace.Handler().WithInner(new Answer()));

        await client.GetAsync(new Uri("http://cluster/api/v1/namespaces/a"), TestContext.Current.CancellationToken);
        trace.Mark("read");
        await client.PatchAsync(new Uri("http://cluster/api/v1/namespaces/a/configmaps/x?dryRun=All"), null, TestContext.Current.CancellationToken);
        await client.PatchAsync(new Uri("http://cluster/api/v1/namespaces/a/configmaps/x"), null, TestContext.Current.CancellationToken);
        trace.Mark("apply");

        Assert.Equal(["read", "apply"], trace.Steps.Select(s => s.Name));
        Assert.Equal((1, 0), (trace.Steps[0].Requests, trace.Steps[0].Writes));
        Assert.Equal((2, 1), (trace.Steps[1].Requests, trace.Steps[1].Writes));
        var lines = trace.Format().Split('\n');
        Assert.StartsWith("trace:   wall ms", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("process start (runtime, before the trace)", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^trace: +[0-9.]+ +3 +1 +[0-9]+ \( *[0-9]+\) +total$", lines[^1]);
    }

    private sealed class Answer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}

internal static class DelegatingHandlerExtensions
{
    public static DelegatingHandler WithInner(this DelegatingHandler handler, HttpMessageHandler inner)
    {
        handler.InnerHandler = inner;
        return handler;
    }
}
