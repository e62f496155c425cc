using System.Text;
using System.Text.Json.Nodes;

namespace RunnerConsole.Sandbox.Patching;

/// <summary>Outcome of a server-side apply: the new object, or (when <see cref="Conflicts"/> is non-empty) null.</summary>
public sealed record ApplyResult(JsonObject? Object, IReadOnlyList<FieldConflict> Conflicts)
{
    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>Kubernetes' message for the conflicts (empty when none).</summary>
    public string ConflictMessage => Conflicts.Count == 0 ? "" : FieldConflict.FormatMessage(Conflicts);
}

/// <summary>
/// A field the applier wants to change that another manager owns. <see cref="FieldPath"/> is in kubectl's notation,
/// e.g. <c>.spec.template.spec.containers[name="app"].image</c>.
/// </summary>
public sealed record FieldConflict(string Manager, string FieldPath)
{
    /// <summary>Operation of the owning manager entry: <c>Apply</c> or <c>Update</c>.</summary>
    public string Operation { get; init; } = "Update";

    /// <summary>API version recorded in the owning manager entry (e.g. <c>apps/v1</c>).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Subresource of the owning entry, when any.</summary>
    public string? Subresource { get; init; }

    /// <summary>How Kubernetes names the manager: <c>"helm"</c> for appliers, <c>"kubectl-edit" using apps/v1</c> for updaters.</summary>
    public string ManagerDescription
    {
        get
        {
            var s = Quote(Manager);
            if (!string.IsNullOrEmpty(Subresource))
            {
                s += " with subresource " + Quote(Subresource);
            }

            return Operation == "Update" && !string.IsNullOrEmpty(ApiVersion) ? $"{s} using {ApiVersion}" : s;
        }
    }

    /// <summary>The <c>message</c> of the Status cause (<c>reason: FieldManagerConflict</c>, <c>field</c> = <see cref="FieldPath"/>).</summary>
    public string CauseMessage => "conflict with " + ManagerDescription;

    /// <summary>
    /// Kubernetes' apply conflict message, e.g.
    /// <c>Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas</c>.
    /// </summary>
    public static string FormatMessage(IReadOnlyList<FieldConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: {conflicts[0].CauseMessage}: {conflicts[0].FieldPath}";
        }

        var sb = new StringBuilder();
        sb.Append("Apply failed with ").Append(conflicts.Count).Append(" conflicts: ");
        var first = true;
        foreach (var group in conflicts.GroupBy(c => c.ManagerDescription).OrderBy(g => g.First().Manager, StringComparer.Ordinal))
        {
            if (!first)
            {
                sb.Append('\n');
            }

            first = false;
            sb.Append("conflicts with ").Append(group.Key).Append(':');
            foreach (var c in group)
            {
                sb.Append("\n- ").Append(c.FieldPath);
            }
        }

        return sb.ToString();
    }

    /// <summary>The Status cause Kubernetes reports for this conflict.</summary>
    public JsonObject ToStatusCause() => new()
    {
        ["reason"] = "FieldManagerConflict",
        ["message"] = CauseMessage,
        ["field"] = FieldPath,
    };

    /// <summary>
    /// The whole 409 Status body Kubernetes answers an apply conflict with (as <c>errors.NewApplyConflict</c>: no
    /// name/kind in details, one cause per conflict).
    /// </summary>
    public static JsonObject ToStatus(IReadOnlyList<FieldConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var causes = new JsonArray();
        foreach (var c in conflicts)
        {
            causes.Add(c.ToStatusCause());
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = FormatMessage(conflicts),
            ["reason"] = "Conflict",
            ["details"] = new JsonObject { ["causes"] = causes },
            ["code"] = 409,
        };
    }

    /// <summary>Conflicts are equal when they name the same manager and field path.</summary>
    public bool Equals(FieldConflict? other) =>
        other is not null && Manager == other.Manager && FieldPath == other.FieldPath;

    public override int GetHashCode() => HashCode.Combine(Manager, FieldPath);

    private static string Quote(string s)
    {
        var sb = new StringBuilder();
        ListSchema.AppendJsonString(sb, s);
        return sb.ToString();
    }
}
