using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Printing;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// The in-line receipt tap as a hosted service: POS links from `ReceiptTap:Input`, every byte to the printer,
/// and at each cut the receipt's sale recorded by the till session before the cut goes out (<see cref="SaleAtCut"/>).
/// With `Printer:CouponPlacement` BeforeCut the coupons it earned are written by the pump in front of the cut; with
/// AfterCut they follow it on their own slip. A coupon the printer cannot take now stays pending in SQLite.
/// `receipts capture` gets a copy of the POS's bytes through <see cref="ReceiptCaptureHub"/>.
/// </summary>
public sealed class ReceiptTapService(
    ReceiptTapOptions options,
    PrinterOptions printerOptions,
    ReceiptProfile profile,
    LoyaltyRules rules,
    TillSession session,
    PrinterLink printer,
    CouponPrinter coupons,
    DeviceStatusBoard board,
    ReceiptCaptureHub captures,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ReceiptTapService>();
    private readonly ReceiptReader _reader = new(profile, options.CodePage);

    private volatile SaleAtCut? _till;

    /// <summary>Receipts handled since start (for tests and the idle screen).</summary>
    public long ReceiptsHandled => _till?.ReceiptsHandled ?? 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var input = TapInput.Parse(options.Input, options.BaudRate);
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        var till = new SaleAtCut(_reader, session, rules, printerOptions, coupons, time, _logger, stoppingToken);
        _till = till;
        try
        {
            await PumpUntilStoppedAsync(input, backoff, till, stoppingToken);
        }
        finally
        {
            captures.End(); // a capture waiting for receipts hears that none will come
        }
    }

    private async Task PumpUntilStoppedAsync(TapInput input, Backoff backoff, SaleAtCut till, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var source = PosLinkSources.Create(input, time, loggerFactory);
            var pump = new ReceiptTapPump(
                source,
                printer,
                _reader.CreateDecoder,
                till.AtCutAsync,
                till.AfterUncutReceiptAsync,
                new ReceiptTapPumpOptions { AtCutHookTimeout = printerOptions.CutWaitLimit },
                time,
                loggerFactory.CreateLogger<ReceiptTapPump>(),
                captures);
            board.Set(DeviceStatusBoard.ReceiptTap, DeviceState.Ok, input.ToString());
            try
            {
                await pump.RunAsync(stoppingToken);
                if (input.Kind == TapInputKind.File)
                {
                    return; // a capture file read through: nothing more will come
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var wait = backoff.Next();
                board.Set(DeviceStatusBoard.ReceiptTap, DeviceState.Error, ex.Message);
                Log.DeviceUnavailable(_logger, DeviceStatusBoard.ReceiptTap, ex.GetType().Name, wait.TotalMilliseconds);
                await Task.Delay(wait, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
