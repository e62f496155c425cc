namespace RunnerConsole.Core.Releases;

/// <summary>Helm's history limit (<c>--history-max</c>): which old revisions to delete.</summary>
public static class HistoryPruning
{
    public const int DefaultMaxHistory = 10;

    /// <summary>
    /// Revisions to delete so that at most <paramref name="keep"/> remain, oldest first, never the
    /// latest <c>deployed</c> one. Before creating a revision Helm calls this with <c>max - 1</c> to make room.
    /// <paramref name="keep"/> &lt;= 0 means no limit.
    /// </summary>
    public static IReadOnlyList<int> RevisionsToDelete(IEnumerable<(int Version, ReleaseStatus Status)> history, int keep)
    {
        if (keep < 0)
        {
            return [];
        }

        var ordered = history.OrderBy(h => h.Version).ToList();
        if (ordered.Count <= keep)
        {
            return [];
        }

        int? lastDeployed = ordered.Where(h => h.Status == ReleaseStatus.Deployed).Select(h => (int?)h.Version).LastOrDefault();
        var toDelete = new List<int>();
        foreach (var (version, _) in ordered)
        {
            if (ordered.Count - toDelete.Count == keep)
            {
                break;
            }

            if (version != lastDeployed)
            {
                toDelete.Add(version);
            }
        }

        return toDelete;
    }
}
