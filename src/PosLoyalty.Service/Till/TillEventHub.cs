using PosLoyalty.Service.Broadcast;

namespace PosLoyalty.Service.Till;

/// <summary>
/// Fans till events out to every subscriber (panel connections, the pole display). A slow subscriber
/// loses its oldest events, never blocks the till: the counter must not wait for a screen.
/// </summary>
public sealed class TillEventHub
{
    private const int EventsPerSubscriber = 256;
    private readonly BroadcastHub<TillEvent> _hub = new(EventsPerSubscriber);

    /// <summary>Events published after this call, until the subscription is disposed.</summary>
    public BroadcastSubscription<TillEvent> Subscribe() => _hub.Subscribe();

    public void Publish(TillEvent tillEvent) => _hub.Publish(tillEvent);
}
