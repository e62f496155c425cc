namespace RunnerConsole.Core.Planning;

public enum FieldChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One changed leaf (or whole subtree, when added or removed) between two versions of an object.
/// <see cref="Path"/> reads like <c>spec.template.spec.containers[name=app].image</c>; values are JSON
/// text and, for Secret data, already masked. <see cref="ToString"/> is the line a plan lists; a changed multi-line
/// text (a config file in a ConfigMap) shows there as the lines that changed, not as both whole texts.
/// </summary>
public sealed record FieldChange(string Path, FieldChangeKind Kind, string? Old, string? New)
{
    public override string ToString() => Kind switch
    {
        FieldChangeKind.Added => $"+ {Path}: {New}",
        FieldChangeKind.Removed => $"- {Path}: {Old}",
        _ when IsMultiLine(Old) || IsMultiLine(New) => $"~ {Path}: {TextDiff.LineSummary(Old ?? "", New ?? "")}",
        _ => $"~ {Path}: {Old} -> {New}",
    };

    private static bool IsMultiLine(string? text) => text is not null && text.Contains('\n', StringComparison.Ordinal);
}
