using Microsoft.Extensions.Time.Testing;

namespace PosLoyalty.Service.Tests.Hosting;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test each time the code under test starts waiting on it
/// (<c>Task.Delay(…, time, …)</c> creates a timer), so a test advances the clock only when a loop has finished its
/// turn and is waiting again — no real delays to guess how long the thread pool needs.
/// </summary>
internal sealed class WaitSignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    // Only catches a hang: a loop that never waits again.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim waits = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        waits.Release();
        return timer;
    }

    /// <summary>Returns once the code has started one more wait since the last call.</summary>
    public async Task NextWaitAsync()
    {
        if (!await waits.WaitAsync(Patience))
        {
            throw new TimeoutException($"nothing started waiting on the clock within {Patience}");
        }
    }
}
