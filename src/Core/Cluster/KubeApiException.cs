using System.Net;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Cluster;

/// <summary>One cause of a failed request (<c>details.causes[]</c> of a Kubernetes Status).</summary>
public sealed record StatusCause(string? Reason, string? Message, string? Field);

/// <summary>A request the API server refused, with its Status reason and the object it was about.</summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(HttpStatusCode status, string? reason, string message, ObjectKey? key, IReadOnlyList<StatusCause> causes)
        : base(Describe(status, reason, message, key))
    {
        Status = status;
        Reason = reason;
        ServerMessage = message;
        Key = key;
        Causes = causes;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The Status <c>reason</c> (NotFound, AlreadyExists, Conflict, Forbidden, Invalid…).</summary>
    public string? Reason { get; }

    public string ServerMessage { get; }

    public ObjectKey? Key { get; }

    public IReadOnlyList<StatusCause> Causes { get; }

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    public bool IsAlreadyExists => Status == HttpStatusCode.Conflict && Reason == "AlreadyExists";

    /// <summary>A server-side apply conflict: fields we set are owned by another manager.</summary>
    public bool IsApplyConflict => Status == HttpStatusCode.Conflict && (Causes.Any(c => c.Reason == "FieldManagerConflict") || ServerMessage.Contains("conflict", StringComparison.OrdinalIgnoreCase)) && Reason != "AlreadyExists";

    public bool IsForbidden => Status == HttpStatusCode.Forbidden;

    /// <summary>Field managers named by an apply conflict (from causes like <c>conflict with "kubectl-edit" using v1: .data.key</c>).</summary>
    public IReadOnlyList<string> ConflictManagers =>
        [.. Causes.Select(c => c.Message ?? string.Empty).Append(ServerMessage)
            .SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m, "conflicts? with \"([^\"]+)\"").Select(x => x.Groups[1].Value))
            .Distinct()];

    internal static KubeApiException FromResponse(HttpStatusCode status, string body, ObjectKey? key)
    {
        string? reason = null;
        var message = body;
        var causes = new List<StatusCause>();
        try
        {
            if (JsonNode.Parse(body) is JsonObject obj && (string?)obj["kind"] == "Status")
            {
                reason = (string?)obj["reason"];
                message = (string?)obj["message"] ?? body;
                if (obj["details"]?["causes"] is JsonArray list)
                {
                    causes.AddRange(list.OfType<JsonObject>().Select(c => new StatusCause((string?)c["reason"], (string?)c["message"], (string?)c["field"])));
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Status object (a proxy's HTML page, say): the raw body is the message.
        }

        return new KubeApiException(status, reason, message.Length > 2000 ? message[..2000] : message, key, causes);
    }

    private static string Describe(HttpStatusCode status, string? reason, string message, ObjectKey? key)
    {
        var what = key is null ? string.Empty : $"{key}: ";
        return status == HttpStatusCode.Unauthorized
            // What kubectl calls "You must be logged in to the server": the token (or exec plugin's login) has expired or is not the cluster's.
            ? $"{what}the API server refused the kubeconfig user's credentials (401 Unauthorized: {message}); log in again or renew the token"
            : $"{what}{reason ?? status.ToString()} ({(int)status}): {message}";
    }
}
