namespace PosLoyalty.Host.Hosting;

/// <summary>
/// What the in-process panel is doing, for the demo's simulated till: it holds back its next scan while the
/// cashier types in a form (a scan closes the form) and for a little while after the last key.
/// </summary>
public sealed class PanelActivity
{
    private long _lastKeyTicks;
    private int _formOpen;

    public DateTimeOffset LastKeyAt => new(Interlocked.Read(ref _lastKeyTicks), TimeSpan.Zero);

    public bool FormOpen => Volatile.Read(ref _formOpen) != 0;

    public void KeyPressed(DateTimeOffset at, bool formOpen)
    {
        Interlocked.Exchange(ref _lastKeyTicks, at.UtcTicks);
        Volatile.Write(ref _formOpen, formOpen ? 1 : 0);
    }
}
