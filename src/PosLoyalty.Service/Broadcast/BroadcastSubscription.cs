using System.Threading.Channels;

namespace PosLoyalty.Service.Broadcast;

/// <summary>One subscriber's stream from a <see cref="BroadcastHub{T}"/>; dispose to stop receiving.</summary>
public sealed class BroadcastSubscription<T>(ChannelReader<T> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<T> Events => reader;

    public void Dispose() => unsubscribe();
}
