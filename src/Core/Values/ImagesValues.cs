namespace RunnerConsole.Core.Values;

/// <summary><c>images.*</c>: settings shared by every image.</summary>
public sealed record ImagesValues
{
    /// <summary>Registry host that replaces the registry of every image (air-gapped mirrors); empty keeps each image's own.</summary>
    public string Registry { get; init; } = "";

    /// <summary>Names of image pull Secrets added to every pod.</summary>
    public IReadOnlyList<string> PullSecrets { get; init; } = [];

    /// <summary><c>Always</c>, <c>IfNotPresent</c> or <c>Never</c>.</summary>
    public string PullPolicy { get; init; } = "IfNotPresent";
}
