using RunnerConsole.Model.Releases;

namespace RunnerConsole.Console.Tests.Releases;

public sealed class ChangeThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Signal_ManyWithinOneInterval_NotifiesOnceWhenItEnds()
    {
        var time = new TestTime();
        var notified = 0;
        using var throttle = new ChangeThrottle(time, Interval, () => notified++);

        for (var i = 0; i < 50; i++)
        {
            throttle.Signal();
        }

        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, notified);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, notified);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, notified);
    }

    [Fact]
    public void Signal_AfterANotification_SchedulesTheNextOne()
    {
        var time = new TestTime();
        var notified = 0;
        using var throttle = new ChangeThrottle(time, Interval, () => notified++);

        throttle.Signal();
        time.Advance(Interval);
        throttle.Signal();
        throttle.Signal();
        time.Advance(Interval);

        Assert.Equal(2, notified);
    }

    [Fact]
    public void Dispose_PendingNotification_IsDropped()
    {
        var time = new TestTime();
        var notified = 0;
        var throttle = new ChangeThrottle(time, Interval, () => notified++);

        throttle.Signal();
        throttle.Dispose();
        throttle.Signal();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, notified);
    }
}
