namespace RunnerConsole.Core.Values;

/// <summary><c>&lt;component&gt;.image</c>: the image of one container.</summary>
public sealed record ImageValues
{
    public ImageValues()
    {
    }

    public ImageValues(string repository, string tag = "")
    {
        Repository = repository;
        Tag = tag;
    }

    /// <summary>Repository including its registry host, e.g. <c>ghcr.io/kubiyabot/agent-manager</c>.</summary>
    public string Repository { get; init; } = "";

    /// <summary>Tag; empty means the tag the catalog pins for the selected runner version (so upgrades move it).</summary>
    public string Tag { get; init; } = "";

    /// <summary>Optional digest (<c>sha256:…</c>); when given the image is pulled by digest.</summary>
    public string Digest { get; init; } = "";
}
