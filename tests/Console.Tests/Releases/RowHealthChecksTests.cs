using System.Threading.Channels;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Console.Tests.Releases;

/// <summary>The lazy health checks behind the releases list, driven by a probe the test answers by hand.</summary>
public sealed class RowHealthChecksTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly Channel<ProbeCall> _calls = Channel.CreateUnbounded<ProbeCall>();
    private int _changes;

    public void Dispose() => _calls.Writer.Complete();

    [Fact]
    public async Task Watch_MoreRowsThanSlots_ChecksAFewAtATimeInTheOrderAsked()
    {
        using var checks = Checks(parallelism: 2);
        var rows = Rows(5);
        var leases = rows.Select(checks.Watch).ToList();

        var first = await NextCallAsync();
        var second = await NextCallAsync();
        // Both run at once, so either may reach the probe first.
        if (first.Row.Name == "r1")
        {
            (first, second) = (second, first);
        }

        Assert.Equal(["r0", "r1"], new[] { first.Row.Name, second.Row.Name });
        Assert.False(_calls.Reader.TryRead(out _), "a third check started while two were running");
        Assert.Equal(2, checks.Started);

        first.Answer(ReleaseHealth.Healthy);
        Assert.Equal("r2", (await NextCallAsync()).Row.Name);
        Assert.Equal(new ReleaseRowHealth(ReleaseHealth.Healthy, "checked"), checks.Of(rows[0]));
        Assert.Null(checks.Of(rows[1]));
        Assert.Equal(1, Volatile.Read(ref _changes));
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task Release_QueuedRow_IsNeverChecked()
    {
        using var checks = Checks(parallelism: 1);
        var rows = Rows(3);
        using var a = checks.Watch(rows[0]);
        var b = checks.Watch(rows[1]);
        using var c = checks.Watch(rows[2]);
        var running = await NextCallAsync();

        b.Dispose();
        running.Answer(ReleaseHealth.Healthy);

        Assert.Equal("r2", (await NextCallAsync()).Row.Name);
        Assert.Equal(2, checks.Started);
        Assert.Null(checks.Of(rows[1]));
    }

    [Fact]
    public async Task Release_RunningRow_CancelsItsCheckAndKeepsNoResult()
    {
        using var checks = Checks(parallelism: 4);
        var row = Rows(1)[0];
        var lease = checks.Watch(row);
        var call = await NextCallAsync();

        lease.Dispose();

        Assert.True(call.Token.IsCancellationRequested);
        Assert.True(SpinWait.SpinUntil(() => checks.Active == 0, Deadline));
        Assert.Null(checks.Of(row));
        Assert.Equal(0, Volatile.Read(ref _changes));

        // Scrolled back: the row is checked again.
        using var again = checks.Watch(row);
        var retry = await NextCallAsync();
        Assert.False(retry.Token.IsCancellationRequested);
        retry.Answer(ReleaseHealth.Unhealthy);
        Assert.True(SpinWait.SpinUntil(() => checks.Of(row) is not null, Deadline));
        Assert.Equal(ReleaseHealth.Unhealthy, checks.Of(row)?.Health);
    }

    [Fact]
    public async Task Watch_RowWatchedTwice_OneCheckThatLastsWhileEitherWatches()
    {
        using var checks = Checks(parallelism: 4);
        var row = Rows(1)[0];
        var one = checks.Watch(row);
        var two = checks.Watch(row);
        var call = await NextCallAsync();

        one.Dispose();
        one.Dispose();
        Assert.False(call.Token.IsCancellationRequested, "the second watcher still wants the row");
        Assert.False(_calls.Reader.TryRead(out _));

        two.Dispose();
        Assert.True(call.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Watch_KnownRow_IsNotCheckedAgain()
    {
        using var checks = Checks(parallelism: 4);
        var row = Rows(1)[0];
        using (checks.Watch(row))
        {
            (await NextCallAsync()).Answer(ReleaseHealth.Progressing);
            Assert.True(SpinWait.SpinUntil(() => checks.Of(row) is not null, Deadline));
        }

        using var again = checks.Watch(row);

        Assert.Equal(1, checks.Started);
        Assert.Equal(ReleaseHealth.Progressing, checks.Of(row)?.Health);
    }

    [Fact]
    public async Task Dispose_CancelsRunningChecksAndIgnoresTheirResults()
    {
        var checks = Checks(parallelism: 4);
        var rows = Rows(2);
        using var a = checks.Watch(rows[0]);
        using var b = checks.Watch(rows[1]);
        var first = await NextCallAsync();
        var second = await NextCallAsync();

        checks.Dispose();
        first.Answer(ReleaseHealth.Healthy);

        Assert.True(second.Token.IsCancellationRequested);
        Assert.True(SpinWait.SpinUntil(() => checks.Active == 0, Deadline));
        Assert.Null(checks.Of(rows[0]));
        Assert.Equal(0, Volatile.Read(ref _changes));
        using var late = checks.Watch(rows[0]);
        Assert.Equal(2, checks.Started);
    }

    private RowHealthChecks Checks(int parallelism) =>
        new(ProbeAsync, parallelism, () => Interlocked.Increment(ref _changes));

    private async Task<ReleaseRowHealth> ProbeAsync(ReleaseRow row, CancellationToken cancellationToken)
    {
        var call = new ProbeCall(row, cancellationToken);
        await _calls.Writer.WriteAsync(call, CancellationToken.None);
        return await call.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task<ProbeCall> NextCallAsync() =>
        await _calls.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Deadline, TestContext.Current.CancellationToken);

    private static List<ReleaseRow> Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ReleaseRow("ctx", "ns", $"r{i}", 1, "1.0.0", ReleaseStatus.Deployed, null, null, null))];

    private sealed record ProbeCall(ReleaseRow Row, CancellationToken Token)
    {
        public TaskCompletionSource<ReleaseRowHealth> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Answer(ReleaseHealth health) => Result.TrySetResult(new ReleaseRowHealth(health, "checked"));
    }
}
