namespace RunnerConsole.Core.Catalog;

/// <summary>The runner versions this console can install and upgrade between, oldest first.</summary>
public sealed class RunnerCatalog
{
    public RunnerCatalog(IReadOnlyList<RunnerVersion> versions)
    {
        if (versions.Count == 0)
        {
            throw new ArgumentException("A catalog needs at least one version.", nameof(versions));
        }

        Versions = versions;
    }

    /// <summary>The built-in catalog (<see cref="BuiltInVersions"/>).</summary>
    public static RunnerCatalog Default { get; } = new(BuiltInVersions.All);

    /// <summary>All versions, oldest first.</summary>
    public IReadOnlyList<RunnerVersion> Versions { get; }

    /// <summary>The newest version: what an empty <c>version</c> value installs.</summary>
    public RunnerVersion Latest => Versions[^1];

    /// <summary>The version named <paramref name="version"/>, or null.</summary>
    public RunnerVersion? Find(string version) =>
        Versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.Ordinal));

    /// <summary>The named version, or <see cref="Latest"/> when <paramref name="version"/> is empty; null when unknown.</summary>
    public RunnerVersion? Resolve(string version) => version.Length == 0 ? Latest : Find(version);
}
