namespace RunnerConsole.Core.Catalog;

/// <summary>A pinned image: repository (with registry host) and an explicit tag, optionally a digest.</summary>
public sealed record ImageRef(string Repository, string Tag, string Digest = "")
{
    /// <summary><c>repository:tag</c>, or <c>repository@digest</c> when a digest is pinned.</summary>
    public string Reference => Digest.Length > 0 ? $"{Repository}@{Digest}" : $"{Repository}:{Tag}";

    public override string ToString() => Reference;
}
