using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Planning;

namespace RunnerConsole.Model.Releases;

/// <summary>One object of the deployed revision as uninstall will treat it: deleted, or left by its resource policy.</summary>
public sealed record UninstallObject(string Kind, string Name, bool Kept)
{
    public string Label => $"{Kind}/{Name}";
}

/// <summary>
/// What an uninstall removes, read from the deployed revision's manifest, in the order uninstall deletes it
/// (<see cref="ApplyPhases.ForPrune"/>: workloads before the configuration and accounts they use). At run time only objects this release still owns
/// are deleted; ones taken over by someone else are left and reported.
/// </summary>
public sealed record UninstallPreview(IReadOnlyList<UninstallObject> Objects)
{
    public IEnumerable<UninstallObject> Deleted => Objects.Where(o => !o.Kept);

    public IEnumerable<UninstallObject> Kept => Objects.Where(o => o.Kept);

    public static UninstallPreview Of(ReleaseRecord record) => new(
        [.. ApplyPhases.ForPrune(HelmManifest.Parse(record.Manifest).DistinctBy(m => m.Key), m => m.Kind)
            .SelectMany(phase => phase.Items.OrderBy(m => m.Kind, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal))
            .Select(m => new UninstallObject(m.Kind, m.Name, HelmOwnership.IsKept(m.Object.Metadata?.Annotations)))]);
}
