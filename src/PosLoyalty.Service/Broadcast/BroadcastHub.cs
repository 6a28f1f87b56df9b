using System.Threading.Channels;

namespace PosLoyalty.Service.Broadcast;

/// <summary>
/// Fans items out to every subscriber, each through its own bounded queue that drops its oldest items when the
/// subscriber is slow: publishing never waits for a reader. The one hub of the project: the till's events
/// (<see cref="Till.TillEventHub"/>) and the panels' feed both use it.
/// </summary>
public sealed class BroadcastHub<T>
{
    private readonly int _itemsPerSubscriber;
    private readonly Lock _gate = new();
    private readonly List<Channel<T>> _subscribers = [];

    public BroadcastHub(int itemsPerSubscriber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsPerSubscriber, 1);
        _itemsPerSubscriber = itemsPerSubscriber;
    }

    /// <summary>
    /// Items published after this call, until the subscription is disposed; <paramref name="snapshot"/>'s items first,
    /// taken under the same lock as publishing, so nothing falls between the two.
    /// </summary>
    public BroadcastSubscription<T> Subscribe(Func<IEnumerable<T>>? snapshot = null)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(_itemsPerSubscriber)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            foreach (var item in snapshot?.Invoke() ?? [])
            {
                channel.Writer.TryWrite(item);
            }

            _subscribers.Add(channel);
        }

        return new BroadcastSubscription<T>(channel.Reader, () =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
    }

    /// <summary>Sends one item to every subscriber attached now.</summary>
    public void Publish(T item)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Ends every subscriber's stream once it has read what it was sent.</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }
        }
    }
}
