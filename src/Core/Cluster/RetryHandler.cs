using System.Net;
using System.Net.Sockets;

namespace RunnerConsole.Core.Cluster;

/// <summary>
/// Retries idempotent requests (GET, HEAD, PUT, DELETE and server-side apply PATCH) on 429 (honouring
/// Retry-After), 5xx (but 501) and connection failures. POST is never retried: it could create twice.
/// </summary>
internal sealed class RetryHandler(RetryPolicy policy, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var retryable = IsIdempotent(request);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (retryable && attempt < policy.MaxAttempts && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(policy.Backoff(attempt, null), time, cancellationToken);
                continue;
            }

            if (!retryable || attempt >= policy.MaxAttempts || !IsRetryableStatus(response.StatusCode))
            {
                return response;
            }

            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - time.GetUtcNow(),
                _ => (TimeSpan?)null,
            };
            response.Dispose();
            await Task.Delay(policy.Backoff(attempt, retryAfter), time, cancellationToken);
        }
    }

    internal static bool IsIdempotent(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
        || (request.Method == HttpMethod.Patch && request.Content?.Headers.ContentType?.MediaType == "application/apply-patch+yaml");

    private static bool IsRetryableStatus(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    private static bool IsTransient(HttpRequestException ex) =>
        ex.InnerException is IOException or SocketException || ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded;
}
