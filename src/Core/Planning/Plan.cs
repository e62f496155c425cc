using System.Text.Json.Nodes;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Planning;

/// <summary>What applying the desired state would do to one object.</summary>
public enum PlanAction
{
    /// <summary>Does not exist yet: created.</summary>
    Add,

    /// <summary>Exists and owned by this release; some fields change.</summary>
    Change,

    /// <summary>Exists, owned, nothing would change.</summary>
    Unchanged,

    /// <summary>In the previous revision, not in the desired one: deleted (pruned).</summary>
    Remove,

    /// <summary>Exists but belongs to no release (or another): taking it over needs an explicit adopt.</summary>
    NeedsAdopt,

    /// <summary>Fields we set are owned by another field manager: needs force-conflicts.</summary>
    Conflict,
}

/// <summary>The plan for one object: action, field changes, masked Secret keys, text diff.</summary>
public sealed record ObjectPlan(ObjectKey Key, ApplyPhase Phase, PlanAction Action)
{
    /// <summary>The object to apply (null for removals).</summary>
    public Manifest? Desired { get; init; }

    private Lazy<IReadOnlyList<FieldChange>>? _changes;
    private Lazy<string>? _textDiff;

    /// <summary>Field-level changes, live → desired; Secret values masked.</summary>
    public IReadOnlyList<FieldChange> Changes
    {
        get => _changes?.Value ?? [];
        init => _changes = new Lazy<IReadOnlyList<FieldChange>>(value);
    }

    /// <summary>For Secrets: per key added/removed/changed/unchanged with byte lengths, never values.</summary>
    public IReadOnlyList<SecretKeyChange> SecretKeys { get; init; } = [];

    /// <summary>Unified YAML diff, live → desired, Secret values masked; empty when unchanged.</summary>
    public string TextDiff
    {
        get => _textDiff?.Value ?? string.Empty;
        init => _textDiff = new Lazy<string>(value);
    }

    /// <summary>
    /// <see cref="Changes"/> and <see cref="TextDiff"/> computed on first read: an install shows neither unless asked,
    /// and building every object's YAML diff is most of planning's CPU.
    /// </summary>
    internal (Func<IReadOnlyList<FieldChange>> Changes, Func<string> TextDiff) Deferred
    {
        init
        {
            _changes = new Lazy<IReadOnlyList<FieldChange>>(value.Changes);
            _textDiff = new Lazy<string>(value.TextDiff);
        }
    }

    /// <summary>For <see cref="PlanAction.Conflict"/>: the field managers that own fields we set.</summary>
    public IReadOnlyList<string> ConflictManagers { get; init; } = [];

    /// <summary>Why the action was chosen when it is not obvious (owner of an object to adopt, conflict message).</summary>
    public string? Reason { get; init; }

    /// <summary>The object exists without this release's ownership and is being adopted (applied with force).</summary>
    public bool Adopting { get; init; }

    /// <summary>Helm's <c>helm.sh/resource-policy: keep</c>: a removal that leaves the object in place.</summary>
    public bool Kept { get; init; }

    /// <summary>The normalised, masked live object (null when absent), for previews.</summary>
    public JsonObject? Live { get; init; }

    public bool IsChange => Action is not PlanAction.Unchanged;
}

/// <summary>Counts per action.</summary>
public sealed record PlanSummary(int Added, int Changed, int Unchanged, int Removed, int NeedsAdopt, int Conflicts)
{
    public override string ToString() =>
        $"{Added} to add, {Changed} to change, {Removed} to remove, {Unchanged} unchanged"
        + (NeedsAdopt > 0 ? $", {NeedsAdopt} to adopt" : string.Empty)
        + (Conflicts > 0 ? $", {Conflicts} in conflict" : string.Empty);
}

/// <summary>Desired against live for a whole release, in apply order (removals in prune order, last).</summary>
public sealed record Plan(string Release, string Namespace, IReadOnlyList<ObjectPlan> Objects)
{
    public PlanSummary Summary => new(
        Count(PlanAction.Add), Count(PlanAction.Change), Count(PlanAction.Unchanged),
        Count(PlanAction.Remove), Count(PlanAction.NeedsAdopt), Count(PlanAction.Conflict));

    public bool HasChanges => Objects.Any(o => o.IsChange);

    /// <summary>Objects the operator must decide on (adopt or force) before an apply can succeed.</summary>
    public IReadOnlyList<ObjectPlan> Blockers => [.. Objects.Where(o => o.Action is PlanAction.NeedsAdopt or PlanAction.Conflict)];

    private int Count(PlanAction action) => Objects.Count(o => o.Action == action);
}
