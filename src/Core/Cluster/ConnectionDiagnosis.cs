namespace RunnerConsole.Core.Cluster;

/// <summary>
/// Says why a connection to the API server failed in the terms kubectl uses, where .NET's own message does not: a
/// refused certificate ("the SSL connection could not be established, see inner exception" becomes what is wrong with
/// it, see <see cref="ServerTrust.DescribeFailureAsync"/>), and a proxy from the kubeconfig that cannot be reached or
/// would not open the tunnel. Shared by the engine's client and the console's connection check.
/// </summary>
public sealed class ConnectionDiagnosis(ServerTrust trust, Uri server, Uri? proxy, TimeProvider time)
{
    private (Task<string?> Reason, DateTimeOffset At)? _tlsFailure;

    /// <summary>A clearer exception for <paramref name="failure"/>, or null when there is nothing to add.</summary>
    public async Task<HttpRequestException?> ExplainAsync(HttpRequestException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (proxy is not null)
        {
            // Through a proxy the only connection made is to the proxy; a server it cannot reach comes back as its answer.
            var shown = ClusterProxy.Redact(proxy.ToString());
            return failure.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => new HttpRequestException(
                    failure.HttpRequestError, $"cannot reach the proxy {shown} (the cluster's proxy-url in the kubeconfig): {failure.Message}", failure),
                HttpRequestError.ProxyTunnelError => new HttpRequestException(
                    failure.HttpRequestError, $"the proxy {shown} (the cluster's proxy-url in the kubeconfig) did not open a tunnel to {server.Authority}: {failure.Message}", failure),
                HttpRequestError.SecureConnectionError => new HttpRequestException(
                    failure.HttpRequestError, $"TLS handshake with {server.Authority} through the proxy {shown} failed: {failure.InnerException?.Message ?? failure.Message}", failure),
                _ => null,
            };
        }

        if (failure.HttpRequestError != HttpRequestError.SecureConnectionError)
        {
            return null;
        }

        // Every request of a phase fails the same way: one look at the certificate answers for all of them (for a while:
        // a long-lived console connection may meet another certificate later).
        var seen = _tlsFailure;
        if (seen is null || time.GetUtcNow() - seen.Value.At > TimeSpan.FromSeconds(30))
        {
            seen = (trust.DescribeFailureAsync(time, CancellationToken.None), time.GetUtcNow());
            _tlsFailure = seen;
        }

        return await seen.Value.Reason is { } reason ? new HttpRequestException(HttpRequestError.SecureConnectionError, reason, failure) : null;
    }
}
