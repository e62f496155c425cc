namespace RunnerConsole.Sandbox.Api;

/// <summary>What a request addresses, in Kubernetes terms (verb, resource, namespace, name, subresource).</summary>
public sealed record RequestInfo(
    string Verb,
    ResourceType? Type,
    string? Namespace,
    string? Name,
    string? Subresource)
{
    public bool IsResourceRequest => Type is not null;

    public string Resource => Type?.Plural ?? "";

    /// <summary>Parses a request path; null when it is not a resource path (discovery, version, health, ...).</summary>
    public static RequestInfo? Parse(string method, string path, bool watchParam, ResourceCatalog catalog)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        int restAt;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            group = "";
            version = segments[1];
            restAt = 2;
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            group = segments[1];
            version = segments[2];
            restAt = 3;
        }
        else
        {
            return null;
        }

        var rest = segments[restAt..];
        var watch = watchParam;
        if (rest.Length > 0 && rest[0] == "watch")
        {
            watch = true;
            rest = rest[1..];
        }

        string? ns = null;
        string plural;
        string? name = null;
        string? sub = null;
        if (rest.Length >= 3 && rest[0] == "namespaces" && !(rest.Length == 3 && rest[2] is "status" or "finalize"))
        {
            ns = rest[1];
            plural = rest[2];
            name = rest.Length > 3 ? rest[3] : null;
            sub = rest.Length > 4 ? string.Join('/', rest[4..]) : null;
        }
        else if (rest.Length >= 1)
        {
            plural = rest[0];
            name = rest.Length > 1 ? rest[1] : null;
            sub = rest.Length > 2 ? string.Join('/', rest[2..]) : null;
        }
        else
        {
            return null;
        }

        var type = catalog.Find(group, version, plural) ?? throw ApiException.ResourceNotFound();
        if (!type.Namespaced && ns is not null)
        {
            throw ApiException.ResourceNotFound();
        }

        if (type.Namespaced && ns is null && name is not null)
        {
            throw ApiException.ResourceNotFound();
        }

        if (sub is not null && !(sub == "status" && type.HasStatus) && !(sub == "scale" && type.HasScale) && !(sub == "finalize" && type.Plural == "namespaces") && !(sub == "log" && type.StorageKey == "pods"))
        {
            throw ApiException.ResourceNotFound();
        }

        var verb = method switch
        {
            "GET" or "HEAD" when name is null => watch ? "watch" : "list",
            "GET" or "HEAD" => watch ? "watch" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when name is null => "deletecollection",
            "DELETE" => "delete",
            _ => throw ApiException.MethodNotAllowed(),
        };
        return new RequestInfo(verb, type, ns, name, sub);
    }
}
