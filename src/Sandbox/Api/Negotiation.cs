using Microsoft.AspNetCore.Http;

namespace RunnerConsole.Sandbox.Api;

/// <summary>Which representation a request asks for in <c>Accept</c>, read as an API server reads it.</summary>
internal static class Negotiation
{
    /// <summary>
    /// The <c>as=</c> (<c>Table</c>, <c>PartialObjectMetadataList</c>…) of the first JSON media type in <c>Accept</c>, or
    /// null when that type is plain JSON: the first acceptable type wins, so a plain type listed first means the whole
    /// objects.
    /// </summary>
    public static string? RequestedAs(HttpContext ctx)
    {
        foreach (var type in ctx.Request.Headers.Accept.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parameters = type.Split(';', StringSplitOptions.TrimEntries);
            if (parameters[0] is "application/json" or "*/*")
            {
                return parameters.Skip(1).FirstOrDefault(p => p.StartsWith("as=", StringComparison.Ordinal))?[3..];
            }
        }

        return null;
    }
}
