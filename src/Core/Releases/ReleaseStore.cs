using System.Globalization;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Releases;

/// <summary>A stored revision with what its Secret says beyond the record: who started it, and when.</summary>
public sealed record StoredRelease(ReleaseRecord Record, string? Operator, DateTimeOffset? CreatedAt);

/// <summary>Another operation holds the release: its latest revision is <c>pending-*</c>.</summary>
public sealed class OperationInProgressException(string release, string message) : Exception(message)
{
    public string Release { get; } = release;
}

/// <summary>
/// Release revisions as Helm's Secret driver stores them, in the release namespace. New revisions
/// are always created, never overwritten: creating <c>v&lt;N+1&gt;</c> with a pending status is the lock.
/// </summary>
public sealed class ReleaseStore(IKubeCluster cluster, TimeProvider time)
{
    /// <summary>All revisions of <paramref name="release"/>, oldest first; empty when it never existed.</summary>
    public async Task<IReadOnlyList<StoredRelease>> HistoryAsync(string release, string ns, CancellationToken cancellationToken)
    {
        var secrets = await cluster.ListAsync("v1", "Secret", ns, ReleaseSecret.Selector(release), cancellationToken);
        return [.. secrets.Select(Read).Where(r => r.Record.Name == release).OrderBy(r => r.Record.Version)];
    }

    /// <summary>
    /// The latest revision of every release in <paramref name="ns"/> (every namespace when null), read with one list
    /// request; only those revisions are decoded.
    /// </summary>
    public async Task<IReadOnlyList<StoredRelease>> ListAsync(string? ns, CancellationToken cancellationToken)
    {
        var secrets = await cluster.ListAsync("v1", "Secret", ns, $"owner={ReleaseSecret.Owner}", cancellationToken);
        // Helm's name and version labels pick each release's newest revision before any decoding: a release with a
        // long history costs one decode, not one per revision. Secrets without those labels are decoded to decide.
        var labelled = secrets
            .Where(s => Label(s, "name") is not null && VersionLabel(s) is not null)
            .GroupBy(s => ((string?)s["metadata"]?["namespace"], Label(s, "name")))
            .Select(g => Read(g.MaxBy(VersionLabel)!));
        var unlabelled = secrets.Where(s => Label(s, "name") is null || VersionLabel(s) is null).Select(Read);
        return [.. labelled.Concat(unlabelled)
            .GroupBy(r => (r.Record.Namespace, r.Record.Name))
            .Select(g => g.MaxBy(r => r.Record.Version)!)
            .OrderBy(r => r.Record.Namespace, StringComparer.Ordinal).ThenBy(r => r.Record.Name, StringComparer.Ordinal)];
    }

    public async Task<StoredRelease?> GetAsync(string release, string ns, int version, CancellationToken cancellationToken)
    {
        var secret = await cluster.GetAsync(Key(release, ns, version), cancellationToken);
        return secret is null ? null : Read(secret);
    }

    /// <summary>
    /// Creates a revision; fails with <see cref="OperationInProgressException"/> when it already exists
    /// (another operation created it first).
    /// </summary>
    public async Task CreateAsync(ReleaseRecord record, string? operation, CancellationToken cancellationToken)
    {
        var secret = ReleaseSecret.BuildJson(record, time.GetUtcNow(), forUpdate: false, operation);
        try
        {
            await cluster.CreateAsync(secret, cancellationToken);
        }
        catch (KubeApiException ex) when (ex.IsAlreadyExists)
        {
            var holder = await GetAsync(record.Name, record.Namespace, record.Version, cancellationToken);
            throw InProgress(record.Name, holder);
        }
    }

    /// <summary>Rewrites a revision (status changes); the status label follows the record.</summary>
    public async Task UpdateAsync(ReleaseRecord record, string? operation, CancellationToken cancellationToken)
    {
        var secret = ReleaseSecret.BuildJson(record, time.GetUtcNow(), forUpdate: true, operation);
        await cluster.ReplaceAsync(secret, cancellationToken);
    }

    public Task<bool> DeleteAsync(string release, string ns, int version, CancellationToken cancellationToken) =>
        cluster.DeleteAsync(Key(release, ns, version), cancellationToken);

    /// <summary>
    /// Takes the release lock: refuses when the latest revision is pending, then creates
    /// <paramref name="record"/> (whose version must be latest + 1) with its pending status.
    /// </summary>
    public async Task AcquireAsync(ReleaseRecord record, IReadOnlyList<StoredRelease> history, string? operation, CancellationToken cancellationToken)
    {
        if (history.Count > 0 && history[^1].Record.Status.IsPending())
        {
            throw InProgress(record.Name, history[^1]);
        }

        await CreateAsync(record, operation, cancellationToken);
    }

    /// <summary>Deletes the oldest revisions beyond <paramref name="maxHistory"/>, never the last deployed one.</summary>
    public Task<IReadOnlyList<int>> PruneAsync(string release, string ns, int maxHistory, CancellationToken cancellationToken) =>
        PruneAsync(release, ns, maxHistory, null, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="known"/> (the history as the operation that just wrote its revision knows it) the
    /// history is not read again.
    /// </summary>
    public async Task<IReadOnlyList<int>> PruneAsync(string release, string ns, int maxHistory, IReadOnlyList<(int Version, ReleaseStatus Status)>? known, CancellationToken cancellationToken)
    {
        if (maxHistory <= 0)
        {
            return [];
        }

        var history = known ?? [.. (await HistoryAsync(release, ns, cancellationToken)).Select(h => (h.Record.Version, h.Record.Status))];
        var doomed = HistoryPruning.RevisionsToDelete(history, maxHistory);
        foreach (var version in doomed)
        {
            await DeleteAsync(release, ns, version, cancellationToken);
        }

        return doomed;
    }

    internal static OperationInProgressException InProgress(string release, StoredRelease? holder)
    {
        if (holder is null)
        {
            return new OperationInProgressException(release, $"release '{release}': another operation is in progress");
        }

        var who = holder.Operator ?? "helm";
        var since = holder.CreatedAt ?? holder.Record.Info.LastDeployed;
        var when = since?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown time";
        return new OperationInProgressException(release,
            $"release '{release}': operation in progress by {who} since {when} (revision {holder.Record.Version} is {holder.Record.Status.ToHelm()}; if it is stuck, run recover)");
    }

    private static ObjectKey Key(string release, string ns, int version) => new("v1", "Secret", ns, ReleaseSecret.Name(release, version));

    private static string? Label(JsonObject secret, string name) => (string?)secret["metadata"]?["labels"]?[name];

    private static int? VersionLabel(JsonObject secret) =>
        int.TryParse(Label(secret, "version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private static StoredRelease Read(JsonObject secret)
    {
        var data = (string?)secret["data"]?[ReleaseSecret.DataKey] ?? throw new InvalidDataException($"secret {(string?)secret["metadata"]?["name"]} has no release data");
        // The API's base64 around Helm's base64(gzip(json)).
        var record = ReleaseCodec.DecodeSecretData(Convert.FromBase64String(data));
        var labels = secret["metadata"]?["labels"] as JsonObject;
        DateTimeOffset? created = long.TryParse((string?)labels?["createdAt"], CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        var operation = (string?)secret["metadata"]?["annotations"]?[ReleaseSecret.OperatorAnnotation];
        return new StoredRelease(record, operation, created);
    }
}
