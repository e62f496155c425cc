using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Tests.Releases;

public sealed class HistoryPruningTests
{
    private static (int, ReleaseStatus)[] History(int count, int deployed) =>
        [.. Enumerable.Range(1, count).Select(v => (v, v == deployed ? ReleaseStatus.Deployed : ReleaseStatus.Superseded))];

    [Fact]
    public void RevisionsToDelete_BelowLimit_DeletesNothing()
    {
        Assert.Empty(HistoryPruning.RevisionsToDelete(History(9, 9), 9));
    }

    [Fact]
    public void RevisionsToDelete_TenRevisionsMakingRoomForEleventh_DeletesOldest()
    {
        Assert.Equal([1], HistoryPruning.RevisionsToDelete(History(10, 10), HistoryPruning.DefaultMaxHistory - 1));
    }

    [Fact]
    public void RevisionsToDelete_OldestIsLastDeployed_KeepsIt()
    {
        // Revision 1 is the last good one; 2..12 failed.
        var history = Enumerable.Range(1, 12).Select(v => (v, v == 1 ? ReleaseStatus.Deployed : ReleaseStatus.Failed));

        var deleted = HistoryPruning.RevisionsToDelete(history, 9);

        Assert.Equal([2, 3, 4], deleted);
    }

    [Fact]
    public void RevisionsToDelete_NegativeLimit_MeansUnlimited()
    {
        Assert.Empty(HistoryPruning.RevisionsToDelete(History(50, 50), -1));
    }
}
