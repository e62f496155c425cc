using RunnerConsole.Core.Planning;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Model.Operate;

/// <summary>One object of a plan as the diff screen shows it: masked live text on the left, masked desired text on the right.</summary>
public sealed record PlanObjectView(ObjectPlan Plan, string LiveText, string DesiredText)
{
    public ObjectKey Key => Plan.Key;

    public PlanAction Action => Plan.Action;

    public string Label => $"{Key.Kind}/{Key.Name}";

    public static PlanObjectView From(ObjectPlan plan)
    {
        var live = YamlText.From(plan.Live);
        var desired = plan.Action == PlanAction.Remove ? string.Empty : UnifiedPatch.Apply(live, plan.TextDiff);
        return new PlanObjectView(plan, live, desired);
    }

    public static string ActionLabel(PlanAction action) => action switch
    {
        PlanAction.Add => "added",
        PlanAction.Change => "changed",
        PlanAction.Remove => "removed",
        PlanAction.Unchanged => "unchanged",
        PlanAction.NeedsAdopt => "needs adopt",
        _ => "conflict",
    };
}
