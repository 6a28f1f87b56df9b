using System.Threading.Channels;

namespace PosLoyalty.Service.Till;

/// <summary>One subscriber's view of the till's events; dispose to stop receiving.</summary>
public sealed class TillSubscription(ChannelReader<TillEvent> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<TillEvent> Events => reader;

    public void Dispose() => unsubscribe();
}
