using PosLoyalty.Service.Broadcast;
using System.Threading.Channels;
using PosLoyalty.Panel.Connection;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Service.Panel;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// The panel of `posloyalty run` on a terminal (and of the demo): attached to the feed and the command handler
/// directly, no socket in between, so it works even where the socket path is not writable.
/// </summary>
public sealed class PanelInProcessConnector(PanelFeed feed, PanelCommandHandler handler) : IPanelConnector
{
    public Task<IPanelConnection> ConnectAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IPanelConnection>(new Connection(feed.Subscribe(), handler));

    private sealed class Connection : IPanelConnection
    {
        private readonly BroadcastSubscription<PanelEvent> _subscription;
        private readonly PanelCommandHandler _handler;
        private readonly Channel<PanelEvent> _events = Channel.CreateUnbounded<PanelEvent>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Task _pump;

        public Connection(BroadcastSubscription<PanelEvent> subscription, PanelCommandHandler handler)
        {
            _subscription = subscription;
            _handler = handler;
            _pump = Task.Run(PumpAsync);
        }

        public ChannelReader<PanelEvent> Events => _events.Reader;

        public ValueTask SendAsync(PanelCommand command, CancellationToken cancellationToken)
        {
            // The handler touches SQLite and the till's lock: off the panel's loop, like a socket round trip.
            _ = Task.Run(
                () =>
                {
                    foreach (var reply in _handler.Handle(command))
                    {
                        _events.Writer.TryWrite(reply);
                    }
                },
                CancellationToken.None);
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            _subscription.Dispose();
            await _pump;
        }

        private async Task PumpAsync()
        {
            try
            {
                await foreach (var panelEvent in _subscription.Events.ReadAllAsync())
                {
                    _events.Writer.TryWrite(panelEvent);
                }
            }
            finally
            {
                _events.Writer.TryComplete();
            }
        }
    }
}
