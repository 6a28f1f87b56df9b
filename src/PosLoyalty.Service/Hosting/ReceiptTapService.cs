using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Printing;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// The in-line receipt tap as a hosted service: POS links from `ReceiptTap:Input`, every byte to the printer,
/// and at each cut the receipt's sale recorded by the till session before the cut goes out. With
/// `Printer:CouponPlacement` BeforeCut the coupons it earned are queued in front of the cut; with AfterCut
/// they follow it on their own slip. A coupon the printer cannot take now stays pending in SQLite. `receipts capture`
/// gets a copy of the POS's bytes through <see cref="ReceiptCaptureHub"/>.
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

    /// <summary>Receipts handled since start (for tests and the idle screen).</summary>
    public long ReceiptsHandled => Interlocked.Read(ref _receipts);

    private long _receipts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var input = TapInput.Parse(options.Input, options.BaudRate);
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        try
        {
            await PumpUntilStoppedAsync(input, backoff, stoppingToken);
        }
        finally
        {
            captures.End(); // a capture waiting for receipts hears that none will come
        }
    }

    private async Task PumpUntilStoppedAsync(TapInput input, Backoff backoff, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var source = PosLinkSources.Create(input, time, loggerFactory);
            var pump = new ReceiptTapPump(
                source,
                printer,
                _reader.CreateDecoder,
                (receipt, ct) => AtCut(receipt, stoppingToken),
                (receipt, ct) => AfterUncutReceipt(receipt),
                null,
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
                ServiceLog.DeviceUnavailable(_logger, DeviceStatusBoard.ReceiptTap, ex.GetType().Name, wait.TotalMilliseconds);
                await Task.Delay(wait, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private ValueTask<CutInsertion> AtCut(DecodedReceipt receipt, CancellationToken stoppingToken)
    {
        // Everything before the cut is queued already; the cut waits for this commit.
        var handled = Handle(receipt);
        if (handled is not SaleRecorded { Outcome.CouponsIssued.Count: > 0 } sale || !coupons.CanPrintNow)
        {
            return ValueTask.FromResult(CutInsertion.None); // pending coupons print on their own slip when the printer can
        }

        var issued = sale.Outcome.CouponsIssued;
        var name = session.GreetingNameOf(sale.Outcome.CustomerId);
        if (printerOptions.CouponPlacement == CouponPlacement.BeforeCut)
        {
            // Queued here, not returned: the coupon printer follows the bytes to mark each coupon printed.
            coupons.Queue(issued, name, standAlone: false, stoppingToken);
            return ValueTask.FromResult(CutInsertion.None);
        }

        return ValueTask.FromResult(new CutInsertion(ReadOnlyMemory<byte>.Empty, () => coupons.Queue(issued, name, standAlone: true, stoppingToken)));
    }

    // A receipt with no cut (a tear-bar printer, a job that ended without one): its coupons print on their own
    // slip from the pending queue, after the receipt's bytes.
    private ValueTask<ReadOnlyMemory<byte>> AfterUncutReceipt(DecodedReceipt receipt)
    {
        Handle(receipt);
        return ValueTask.FromResult(ReadOnlyMemory<byte>.Empty);
    }

    private TillEvent? Handle(DecodedReceipt receipt)
    {
        Interlocked.Increment(ref _receipts);
        try
        {
            var sale = _reader.Read(receipt);
            var tillReceipt = ReceiptToTill.Convert(sale, session.TillId, rules.ShopCurrency, time.GetLocalNow());
            if (tillReceipt is null)
            {
                // Not a sale (a report, a kitchen ticket, an order slip …): the log says which; a headerless slip with
                // no total is not worth a line.
                return sale.Kind == ReceiptKind.Other && sale.NoTotal ? null : session.IgnoreNonSale(sale.Kind, sale.ReceiptNumber);
            }

            return session.HandleReceipt(tillReceipt, SaleRecording.Receipt(tillReceipt.ReceiptCurrency, printCoupons: true), sale.Confidence);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The printer still gets every byte; the visit is lost, and the log says so (without the receipt's text).
            ServiceLog.HandlingFailed(_logger, ex, DeviceStatusBoard.ReceiptTap);
            return null;
        }
    }
}
