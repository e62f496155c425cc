using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary><c>images.*</c>: settings shared by every image.</summary>
public sealed record ImagesValues
{
    [Description("Registry host that replaces the registry of every image (air-gapped mirrors); empty keeps each image's own.")]
    public string Registry { get; init; } = "";

    [Description("Names of image pull Secrets added to every pod.")]
    public IReadOnlyList<string> PullSecrets { get; init; } = [];

    [Description("`Always`, `IfNotPresent` or `Never`.")]
    public string PullPolicy { get; init; } = "IfNotPresent";
}
