using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Api;

/// <summary>Legacy (non-aggregated) discovery documents and the minimal OpenAPI answers.</summary>
internal static class Discovery
{
    public static JsonObject ApiVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1:6443" }),
    };

    private static JsonObject GroupVersion(string group, string version) => new()
    {
        ["groupVersion"] = $"{group}/{version}",
        ["version"] = version,
    };

    public static JsonObject ApiGroup(string group, IReadOnlyList<string> versions) => new()
    {
        ["kind"] = "APIGroup",
        ["apiVersion"] = "v1",
        ["name"] = group,
        ["versions"] = new JsonArray(versions.Select(v => (JsonNode)GroupVersion(group, v)).ToArray()),
        ["preferredVersion"] = GroupVersion(group, versions[0]),
    };

    public static JsonObject ApiGroupList(ResourceCatalog catalog)
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in catalog.Groups())
        {
            var g = ApiGroup(group, versions);
            g.Remove("kind");
            g.Remove("apiVersion");
            groups.Add(g);
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject ResourceList(ResourceCatalog catalog, string group, string version)
    {
        var resources = new JsonArray();
        foreach (var t in catalog.All.Where(t => t.Group == group && t.Version == version))
        {
            var r = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = new JsonArray(t.Verbs.Select(v => (JsonNode)v).ToArray()),
            };
            if (t.ShortNames.Length > 0)
            {
                r["shortNames"] = new JsonArray(t.ShortNames.Select(v => (JsonNode)v).ToArray());
            }

            if (t.Categories is { Length: > 0 })
            {
                r["categories"] = new JsonArray(t.Categories.Select(v => (JsonNode)v).ToArray());
            }

            resources.Add(r);
            if (t.HasStatus)
            {
                resources.Add(Sub(t, "status", t.Kind, null));
            }

            if (t.HasScale)
            {
                resources.Add(Sub(t, "scale", "Scale", ("autoscaling", "v1")));
            }

            if (t.Plural == "namespaces" && t.Group.Length == 0)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = "namespaces/finalize",
                    ["singularName"] = "",
                    ["namespaced"] = false,
                    ["kind"] = "Namespace",
                    ["verbs"] = new JsonArray("update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject Sub(ResourceType t, string sub, string kind, (string Group, string Version)? gv)
    {
        var o = new JsonObject
        {
            ["name"] = $"{t.Plural}/{sub}",
            ["singularName"] = "",
            ["namespaced"] = t.Namespaced,
        };
        if (gv is { } x)
        {
            o["group"] = x.Group;
            o["version"] = x.Version;
        }

        o["kind"] = kind;
        o["verbs"] = new JsonArray("get", "patch", "update");
        return o;
    }

    /// <summary>The OpenAPI v3 index: one (schema-less) document per served group/version.</summary>
    public static JsonObject OpenApiV3Index(ResourceCatalog catalog)
    {
        var paths = new JsonObject();
        foreach (var gv in catalog.All.Select(t => t.Group.Length == 0 ? $"api/{t.Version}" : $"apis/{t.Group}/{t.Version}").Distinct())
        {
            paths[gv] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{gv}?hash=0" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject OpenApiV3Document(string gv) => new()
    {
        ["openapi"] = "3.0.0",
        ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = SandboxServer.KubernetesVersion },
        ["paths"] = new JsonObject(),
        ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
    };
}
