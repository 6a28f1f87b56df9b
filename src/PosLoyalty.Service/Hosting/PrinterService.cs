using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Printing;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// Runs the printer link (the one writer to the printer, reconnecting by itself) and, every second, prints the
/// coupons still pending for this till when the printer can take them: those issued while it was away, those a
/// late scan earned after the receipt was printed, and a manager's reprints.
/// </summary>
public sealed class PrinterService(PrinterLink link, CouponPrinter coupons, DeviceStatusBoard board, TimeProvider time, ILogger<PrinterService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        board.Set(DeviceStatusBoard.Printer, DeviceState.Waiting, "connecting to " + link.DeviceName);
        var writer = link.RunAsync(stoppingToken);
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (writer.IsCompleted)
                {
                    await writer; // surfaces a bug in the link rather than printing nothing silently
                }

                board.Set(DeviceStatusBoard.Printer, State(), Detail());
                try
                {
                    await coupons.PrintPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ServiceLog.HandlingFailed(logger, ex, DeviceStatusBoard.Printer);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }

        try
        {
            await writer;
        }
        catch (OperationCanceledException)
        {
            // stopping
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
