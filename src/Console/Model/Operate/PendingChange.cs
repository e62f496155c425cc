using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Operate;

/// <summary>
/// The hand-off to the plan screen (<c>/install/plan</c>), one per circuit (scoped): any page fills it, then
/// navigates there. The install wizard calls <see cref="SetInstall"/> with its review hand-off.
/// </summary>
public sealed class PendingChange
{
    public const string PlanPath = "/install/plan";

    public ProposedChange? Current { get; private set; }

    /// <summary>A first install (or an install over an uninstalled release that kept its history).</summary>
    public void SetInstall(RunnerValues values, string context, string @namespace, string release) =>
        Current = new ProposedChange(ChangeKind.Install, context, @namespace, release) { Values = values };

    /// <summary>An upgrade of an existing release to <paramref name="values"/> (which name the target version).</summary>
    public void SetUpgrade(RunnerValues values, string context, string @namespace, string release) =>
        Current = new ProposedChange(ChangeKind.Upgrade, context, @namespace, release) { Values = values };

    /// <summary>A rollback to a stored <paramref name="revision"/>.</summary>
    public void SetRollback(string context, string @namespace, string release, int revision) =>
        Current = new ProposedChange(ChangeKind.Rollback, context, @namespace, release) { Revision = revision };

    public void Set(ProposedChange change) => Current = change;

    public void Clear() => Current = null;
}
