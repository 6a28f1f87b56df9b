using System.Threading.Channels;
using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Host.Hosting;

/// <summary>One panel's stream of events: the snapshot first, then everything that happens; dispose to leave.</summary>
public sealed class PanelFeedSubscription(ChannelReader<PanelEvent> events, Action leave) : IDisposable
{
    public ChannelReader<PanelEvent> Events => events;

    public void Dispose() => leave();
}
