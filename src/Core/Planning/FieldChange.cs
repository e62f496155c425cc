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
/// text and, for Secret data, already masked.
/// </summary>
public sealed record FieldChange(string Path, FieldChangeKind Kind, string? Old, string? New)
{
    public override string ToString() => Kind switch
    {
        FieldChangeKind.Added => $"+ {Path}: {New}",
        FieldChangeKind.Removed => $"- {Path}: {Old}",
        _ => $"~ {Path}: {Old} -> {New}",
    };
}
