using System.ComponentModel;

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

    [Description("Repository including its registry host, e.g. `ghcr.io/kubiyabot/agent-manager`.")]
    public string Repository { get; init; } = "";

    [Description("Tag; empty means the tag the catalog pins for the selected runner version (so upgrades move it).")]
    public string Tag { get; init; } = "";

    [Description("Optional digest (`sha256:…`); when given the image is pulled by digest.")]
    public string Digest { get; init; } = "";
}
