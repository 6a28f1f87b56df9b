using Terminal.Gui.Time;

namespace PosLoyalty.Panel.App;

/// <summary>
/// Terminal.Gui's clock made from ours, so the panel's timers, key timing and delays follow the one TimeProvider the
/// service uses (and a test's FakeTimeProvider), never the wall clock directly.
/// </summary>
public sealed class TerminalClock(TimeProvider time) : ITimeProvider
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public Task Delay(TimeSpan duration, CancellationToken cancellationToken) => Task.Delay(duration, time, cancellationToken);

    public Terminal.Gui.Time.ITimer CreateTimer(TimeSpan interval, Action callback) => new Timer(time, interval, callback);

    private sealed class Timer(TimeProvider time, TimeSpan interval, Action callback) : Terminal.Gui.Time.ITimer
    {
        private System.Threading.ITimer? _timer;

        public bool IsRunning => _timer is not null;

        public void Start()
        {
            _timer ??= time.CreateTimer(_ => callback(), null, interval, interval);
        }

        public void Stop()
        {
            _timer?.Dispose();
            _timer = null;
        }

        public void Dispose() => Stop();
    }
}
