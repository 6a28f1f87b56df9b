using PosLoyalty.Service.Broadcast;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Printing;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// Runs the printer link (the one writer to the printer, reconnecting by itself) and, at start and whenever the printer
/// or the till changes, updates the printer's line on the status board and prints the coupons still pending for this
/// till when the printer can take them: those issued while it was away, those a late scan earned after the receipt was
/// printed, those whose cut went out without them, and a manager's reprints. A slip never goes inside an open POS
/// receipt: then it waits for the link's <see cref="ReceiptBoundary.Reached"/>. It sleeps in between: no timer
/// (docs/architecture.md, "How each device waits").
/// </summary>
public sealed class PrinterService(PrinterLink link, CouponPrinter coupons, DeviceStatusBoard board, TillEventHub hub, ILogger<PrinterService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        board.Set(DeviceStatusBoard.Printer, DeviceState.Waiting, "connecting to " + link.DeviceName);

        // One pending wake-up is enough: each turn reads the link's state and the pending coupons afresh.
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void Wake() => wake.Writer.TryWrite(true);
        link.StateChanged += Wake;
        link.Boundary.Reached += Wake;
        Wake(); // at start: coupons left pending by the last run, or by the CLI
        using var events = hub.Subscribe();
        var writer = link.RunAsync(stoppingToken);
        var till = ForwardAsync(events, Wake, stoppingToken);
        try
        {
            while (true)
            {
                var woken = wake.Reader.ReadAsync(stoppingToken).AsTask();
                if (await Task.WhenAny(woken, writer) == writer)
                {
                    await writer; // surfaces a bug in the link rather than printing nothing silently
                    break;
                }

                await woken;
                board.Set(DeviceStatusBoard.Printer, State(), Detail());
                try
                {
                    await coupons.PrintPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.HandlingFailed(logger, ex, DeviceStatusBoard.Printer);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            link.StateChanged -= Wake;
            link.Boundary.Reached -= Wake;
        }

        try
        {
            await writer;
            await till;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Any till event may have left a coupon pending (a late scan, a sale while the printer was away).</summary>
    private static async Task ForwardAsync(BroadcastSubscription<TillEvent> events, Action wake, CancellationToken stoppingToken)
    {
        while (await events.Events.WaitToReadAsync(stoppingToken))
        {
            while (events.Events.TryRead(out _))
            {
            }

            wake();
        }
    }

    private DeviceState State() =>
        !link.IsConnected ? DeviceState.Absent
        : link.PaperOut ? DeviceState.PaperOut
        : link.LastStatus.PaperNearEnd ? DeviceState.PaperLow
        : DeviceState.Ok;

    private string Detail() =>
        link.IsConnected ? link.DeviceName : $"waiting for {link.DeviceName}; {link.QueuedBytes} byte(s) held for it";
}
