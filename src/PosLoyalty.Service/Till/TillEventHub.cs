using System.Threading.Channels;

namespace PosLoyalty.Service.Till;

/// <summary>
/// Fans till events out to every subscriber (panel connections, the pole display). A slow subscriber
/// loses its oldest events, never blocks the till: the counter must not wait for a screen.
/// </summary>
public sealed class TillEventHub
{
    private const int EventsPerSubscriber = 256;
    private readonly Lock _gate = new();
    private readonly List<Channel<TillEvent>> _subscribers = [];

    /// <summary>Events published after this call, until the subscription is disposed.</summary>
    public TillSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<TillEvent>(new BoundedChannelOptions(EventsPerSubscriber)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new TillSubscription(channel.Reader, () =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
    }

    public void Publish(TillEvent tillEvent)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(tillEvent);
            }
        }
    }
}
