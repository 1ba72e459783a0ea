using IssueTracker.Host.Infrastructure;
using JasperFx.Events.Daemon.HighWater;
using Microsoft.Extensions.Time.Testing;

namespace IssueTracker.Host.Tests.Infrastructure;

/// <summary>The daemon's wake-up: a poll without appends waits its timeout; appends gather up to a batch or the linger.</summary>
public sealed class GatheringWakeupTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1), Linger = TimeSpan.FromMilliseconds(200);
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task Without_appends_it_waits_out_the_polling_time()
    {
        var appends = new Appends(time);
        var wake = new GatheringWakeup(appends, batch: 3, Linger, time).WaitAsync(Poll, CancellationToken.None);
        await appends.ArmedAsync(1);
        time.Advance(Poll - TimeSpan.FromMilliseconds(1));
        wake.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        await wake.WaitAsync(TimeSpan.FromSeconds(10));
        appends.Waits.ShouldBe(1, "a poll that saw no append does not linger");
    }

    [Fact]
    public async Task After_an_append_it_gathers_until_the_batch_is_full()
    {
        var appends = new Appends(time);
        var wake = new GatheringWakeup(appends, batch: 3, Linger, time).WaitAsync(Poll, CancellationToken.None);
        for (var n = 1; n <= 2; n++)
        {
            await appends.ArmedAsync(n);
            appends.Append();
            await appends.ArmedAsync(n + 1);
            wake.IsCompleted.ShouldBeFalse($"{n} of 3 appends gathered");
        }
        appends.Append();
        await wake.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_lone_append_is_projected_once_the_linger_has_passed()
    {
        var appends = new Appends(time);
        var wake = new GatheringWakeup(appends, batch: 40, Linger, time).WaitAsync(Poll, CancellationToken.None);
        await appends.ArmedAsync(1);
        appends.Append();
        await appends.ArmedAsync(2);
        time.Advance(Linger - TimeSpan.FromMilliseconds(1));
        wake.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        await wake.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Append notifications as the LISTEN wake-up delivers them: one wakes the wait in progress.</summary>
    private sealed class Appends(TimeProvider time) : IDaemonWakeup
    {
        private TaskCompletionSource? waiting;
        private int waits;

        public int Waits => Volatile.Read(ref waits);

        public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref waiting, signal);
            Interlocked.Increment(ref waits);
            await Task.WhenAny(signal.Task, Task.Delay(timeout, time, token));
        }

        public void Append() => Interlocked.Exchange(ref waiting, null)!.SetResult();

        /// <summary>Until the wake-up has begun its <paramref name="n"/>th wait.</summary>
        public async Task ArmedAsync(int n)
        {
            for (var tries = 0; Waits < n; tries++)
            {
                tries.ShouldBeLessThan(5_000, $"the wake-up never began wait {n}");
                await Task.Delay(1);
            }
        }

        public void Dispose() { }
    }
}
