using Microsoft.Extensions.Hosting;
using PosLoyalty.Panel.App;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// The cashier panel inside `posloyalty run` (and the demo) on a terminal: attached to the feed in-process.
/// Q on the panel stops the service, as closing the window would; Ctrl+C stops both through the host.
/// </summary>
public sealed class PanelTerminalService(PanelInProcessConnector connector, PanelActivity activity, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(
            () =>
            {
                try
                {
                    PanelTerminal.Run(connector, time, customerView: false, stoppingToken, activity.KeyPressed);
                }
                finally
                {
                    lifetime.StopApplication();
                }
            },
            CancellationToken.None);
}
