namespace PosLoyalty.Service.Hosting;

/// <summary>
/// Capped exponential wait between attempts to reopen a device or reconnect a link that went away: <see cref="Next"/>
/// gives the first wait, then twice the last, never more than the cap; <see cref="Reset"/> after a success.
/// The one backoff of the project: the services, the tap's links and the panel all use it.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public Backoff(TimeSpan first, TimeSpan max)
    {
        _first = first;
        _max = max;
        _next = first;
    }

    public TimeSpan Next()
    {
        var wait = _next;
        _next = TimeSpan.FromTicks(Math.Min(_max.Ticks, _next.Ticks * 2));
        return wait;
    }

    public void Reset() => _next = _first;
}
