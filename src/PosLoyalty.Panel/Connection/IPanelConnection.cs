using System.Threading.Channels;
using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.Connection;

/// <summary>A panel's line to the service: events in (completed when the service goes away), commands out.</summary>
public interface IPanelConnection : IAsyncDisposable
{
    ChannelReader<PanelEvent> Events { get; }

    ValueTask SendAsync(PanelCommand command, CancellationToken cancellationToken);
}
