using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary>One line of <c>history</c>, with the columns <c>helm history</c> shows plus who ran it.</summary>
public sealed record HistoryEntry(int Revision, DateTimeOffset? Updated, ReleaseStatus Status, string Chart, string? AppVersion, string? Description, string? Operator);

/// <summary><c>history</c>: every stored revision, oldest first.</summary>
public sealed class HistoryOperation(OperationContext context)
{
    public async Task<IReadOnlyList<HistoryEntry>> RunAsync(string release, string ns, CancellationToken cancellationToken)
    {
        var history = await context.Store.HistoryAsync(release, ns, cancellationToken);
        return [.. history.Select(h => new HistoryEntry(
            h.Record.Version,
            h.Record.Info.LastDeployed,
            h.Record.Status,
            $"{h.Record.Chart.Metadata.Name}-{h.Record.Chart.Metadata.Version}",
            h.Record.Chart.Metadata.AppVersion,
            h.Record.Info.Description,
            h.Operator))];
    }
}
