using RunnerConsole.Core.Cluster;

namespace RunnerConsole.Core.Tests.Cluster;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Backoff_Attempts_DoubleUpToCap()
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(500) };

        Assert.Equal([100, 200, 400, 500, 500], Enumerable.Range(1, 5).Select(a => policy.Backoff(a, null).TotalMilliseconds));
    }

    [Fact]
    public void Backoff_RetryAfterLongerThanBackoff_IsHonouredButCapped()
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(5) };

        Assert.Equal(TimeSpan.FromSeconds(3), policy.Backoff(1, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.Backoff(1, TimeSpan.FromSeconds(60)));
    }

    [Theory]
    [InlineData("GET", null, true)]
    [InlineData("PUT", "application/json", true)]
    [InlineData("DELETE", null, true)]
    [InlineData("PATCH", "application/apply-patch+yaml", true)]
    [InlineData("PATCH", "application/json-patch+json", false)]
    [InlineData("POST", "application/json", false)]
    public void IsIdempotent_Request_OnlyRetriesSafeOnes(string method, string? contentType, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://x/");
        if (contentType is not null)
        {
            request.Content = new StringContent("{}");
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        Assert.Equal(expected, RetryHandler.IsIdempotent(request));
    }
}
