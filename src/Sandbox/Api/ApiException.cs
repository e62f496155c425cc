using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Api;

/// <summary>A failure answered as a Kubernetes <c>Status</c> object, built like the real API server builds it.</summary>
public sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, JsonObject? details = null, int? retryAfterSeconds = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonObject? Details { get; }

    public int? RetryAfterSeconds { get; }

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
        };
        if (Reason.Length > 0)
        {
            status["reason"] = Reason;
        }

        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }

    private static JsonObject DetailsOf(string? name, ResourceType? type, bool useKind = false)
    {
        var d = new JsonObject();
        if (!string.IsNullOrEmpty(name))
        {
            d["name"] = name;
        }

        if (type is not null)
        {
            if (type.Group.Length > 0)
            {
                d["group"] = type.Group;
            }

            d["kind"] = useKind ? type.Kind : type.Plural;
        }

        return d;
    }

    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found", DetailsOf(name, type));

    public static ApiException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedResource} \"{name}\" already exists", DetailsOf(name, type));

    public static ApiException Conflict(ResourceType type, string name, string why = "the object has been modified; please apply your changes to the latest version and try again") =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedResource} \"{name}\": {why}", DetailsOf(name, type));

    public static ApiException Forbidden(ResourceType? type, string? name, string verb, string? ns, string user = "system:serviceaccount:sandbox:sandbox-user")
    {
        var resource = type?.Plural ?? "";
        var what = type is null ? "" : name is { Length: > 0 } ? $"{type.QualifiedResource} \"{name}\" is forbidden: " : $"{type.QualifiedResource} is forbidden: ";
        var scope = ns is { Length: > 0 } ? $" in the namespace \"{ns}\"" : " at the cluster scope";
        var message = $"{what}User \"{user}\" cannot {verb} resource \"{resource}\" in API group \"{type?.Group ?? ""}\"{scope}";
        return new(403, "Forbidden", message, DetailsOf(name, type));
    }

    /// <summary>422 Invalid with one cause per (field, message) pair.</summary>
    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<(string Field, string CauseReason, string Message)> causes)
    {
        var details = DetailsOf(name, type, useKind: true);
        var array = new JsonArray();
        foreach (var (field, reason, message) in causes)
        {
            array.Add(new JsonObject { ["reason"] = reason, ["message"] = message, ["field"] = field });
        }

        details["causes"] = array;
        var listed = string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"));
        var text = causes.Count == 1 ? listed : $"[{listed}]";
        return new(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: {text}", details);
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new JsonObject());

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}",
            new JsonObject());

    public static ApiException NotAcceptable() =>
        new(406, "NotAcceptable", "only the following media types are accepted: application/json, application/yaml");

    public static ApiException ResourceNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static ApiException TooManyRequests(int retryAfter) =>
        new(429, "TooManyRequests", "Too many requests, please try again later.", new JsonObject { ["retryAfterSeconds"] = retryAfter }, retryAfter);

    public static ApiException ServiceUnavailable(string message = "the server is currently unable to handle the request") =>
        new(503, "ServiceUnavailable", message, new JsonObject());

    public static ApiException Internal(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}", new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });

    public static ApiException Gone(string message) => new(410, "Expired", message);

    /// <summary>The 409 of a server-side apply: the engine's message, one <c>FieldManagerConflict</c> cause per field.</summary>
    public static ApiException ApplyConflict(ResourceType type, string name, string message, IReadOnlyList<(string CauseMessage, string Field)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (cause, field) in conflicts)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = cause,
                ["field"] = field,
            });
        }

        var details = DetailsOf(name, type);
        details["causes"] = causes;
        return new(409, "Conflict", message, details);
    }
}
