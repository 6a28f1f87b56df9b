using Terminal.Gui.App;

namespace PosLoyalty.Panel.App;

/// <summary>
/// Paces Terminal.Gui's main loop at its own default rate with a wait that an <c>app.Invoke</c> cuts short. Terminal.Gui
/// 2.5.0 ends each iteration with <c>Task.Delay(rest of 1/MaximumIterationsPerSecond).Wait()</c>, which nothing can
/// wake, so a service event handed over by Invoke waited up to a whole iteration (40 ms) before the UI thread ran it.
/// Here Terminal.Gui's sleep is switched off (a cap above 1000 iterations a second makes its time allowed 0 ms) and
/// the same sleep is taken at the start of the next iteration instead, in the application's Iteration event, on an
/// event that <see cref="ITimedEvents.Added"/> sets for every zero-delay timeout (which is what Invoke adds). Idle,
/// the loop still wakes 25 times a second and no more; a repeating timer re-adding itself (a non-zero span) does not
/// wake it. Keys are read by the input thread into a queue nothing signals, so they keep the toolkit's pacing.
/// </summary>
public sealed class IterationPacer : IDisposable
{
    // 1000 / this, in whole milliseconds, is 0: Terminal.Gui then never sleeps between iterations.
    private const ushort UncappedIterationsPerSecond = 1001;

    private readonly IApplication _app;
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly ushort _previousCap;
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 0);
    private long _lastIterationStarted;

    public IterationPacer(IApplication app, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(time);
        _app = app;
        _time = time;
        _previousCap = Application.MaximumIterationsPerSecond;
        _period = TimeSpan.FromMilliseconds(1000 / Math.Max(1, (int)_previousCap));
        _lastIterationStarted = time.GetTimestamp();
        Application.MaximumIterationsPerSecond = UncappedIterationsPerSecond;
        _app.Iteration += OnIteration;
        _app.TimedEvents!.Added += OnTimeoutAdded;
    }

    public void Dispose()
    {
        _app.Iteration -= OnIteration;
        _app.TimedEvents?.Added -= OnTimeoutAdded;
        Application.MaximumIterationsPerSecond = _previousCap;
        _wake.Dispose();
    }

    // Raised under Terminal.Gui's timeout lock, from whichever thread added it: only a flag is set here.
    private void OnTimeoutAdded(object? sender, TimeoutEventArgs e)
    {
        if (e.Timeout.Span == TimeSpan.Zero)
        {
            _wake.Set();
        }
    }

    // On the UI thread, before the iteration reads input, draws and runs the invoked actions. An Invoke that lands
    // after the Reset is still run by this iteration (its timeout is due) and leaves the flag set, so the next
    // iteration starts at once instead of missing it.
    private void OnIteration(object? sender, EventArgs<IApplication?> e)
    {
        var rest = _period - _time.GetElapsedTime(_lastIterationStarted);
        if (rest > TimeSpan.Zero)
        {
            _wake.Wait(rest);
        }

        _wake.Reset();
        _lastIterationStarted = _time.GetTimestamp();
    }
}
