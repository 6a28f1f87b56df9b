using Microsoft.Extensions.Logging;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.Printing;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// The tap's hooks into the till: at a receipt's cut the sale is recorded by the till session and the coupons it earned
/// come back to the pump as one <see cref="CutInsertion"/> (docs/adr/0006); a receipt with no cut is recorded and its
/// coupons wait in the queue for a slip of their own.
/// </summary>
/// <remarks>
/// The database work runs off the pump's loop, so the hook honours its token: when the pump's timeout ends the wait
/// (a database locked by another writer, say) the POS's cut goes out at once without a coupon. The sale still commits
/// when the database frees up; the coupons it claimed for the cut are then given back to the queue and print on their
/// own slip once no POS receipt is open.
/// </remarks>
public sealed class SaleAtCut(
    ReceiptReader reader,
    TillSession session,
    LoyaltyRules rules,
    PrinterOptions printerOptions,
    CouponPrinter coupons,
    TimeProvider time,
    ILogger logger,
    CancellationToken stoppingToken)
{
    private long _receipts;

    /// <summary>
    /// Runs after the sale at a cut has committed and before its coupons go back to the pump: the moment a drain of the
    /// pending queue once raced with (docs/adr/0006). Tests hold the pump here to drive that interleaving.
    /// </summary>
    internal Func<TillEvent?, ValueTask>? SaleCommitted { get; init; }

    /// <summary>Receipts handled since start, cut or not.</summary>
    public long ReceiptsHandled => Interlocked.Read(ref _receipts);

    /// <summary>The pump's at-cut hook: records the sale; answers with the coupons to print at this cut, or nothing.</summary>
    public async ValueTask<CutInsertion> AtCutAsync(DecodedReceipt receipt, CancellationToken cancellationToken)
    {
        // Decided before the commit: coupons claimed for a printer that cannot take them would only wait in memory.
        var claim = coupons.CanPrintNow;
        var recording = SaleRecording.Receipt(null, printCoupons: true);
        var work = Task.Run(() => Handle(receipt, claim ? coupons.Claiming(recording) : recording), CancellationToken.None);
        TillEvent? handled;
        try
        {
            handled = await work.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The cut has gone (or the service stops) without the coupons: once the sale commits, they go back to the queue.
            _ = work.ContinueWith(
                done =>
                {
                    if (claim && done.Result is SaleRecorded late)
                    {
                        coupons.GiveBack(late.Outcome.CouponsIssued);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
            throw;
        }

        if (SaleCommitted is { } committed)
        {
            await committed(handled);
        }

        return claim && handled is SaleRecorded { Outcome: var outcome }
            ? coupons.AtCut(outcome.CouponsIssued, outcome.GreetingName, printerOptions.CouponPlacement, stoppingToken)
            : CutInsertion.None;
    }

    /// <summary>
    /// The pump's hook for a receipt with no cut (a tear-bar printer, a job that ended without one): recorded; its
    /// coupons print on their own slip from the pending queue, after the receipt's bytes.
    /// </summary>
    public ValueTask<ReadOnlyMemory<byte>> AfterUncutReceiptAsync(DecodedReceipt receipt, CancellationToken cancellationToken)
    {
        Handle(receipt, SaleRecording.Receipt(null, printCoupons: true));
        return ValueTask.FromResult(ReadOnlyMemory<byte>.Empty);
    }

    private TillEvent? Handle(DecodedReceipt receipt, SaleRecording recording)
    {
        Interlocked.Increment(ref _receipts);
        try
        {
            var sale = reader.Read(receipt);
            var tillReceipt = ReceiptToTill.Convert(sale, session.TillId, rules.ShopCurrency, time.GetLocalNow());
            if (tillReceipt is null)
            {
                // Not a sale (a report, a kitchen ticket, an order slip …): the log says which; a headerless slip with
                // no total is not worth a line.
                return sale.Kind == ReceiptKind.Other && sale.NoTotal ? null : session.IgnoreNonSale(sale.Kind, sale.ReceiptNumber);
            }

            return session.HandleReceipt(tillReceipt, recording with { ReceiptCurrency = tillReceipt.ReceiptCurrency }, sale.Confidence);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The printer still gets every byte; the visit is lost, and the log says so (without the receipt's text).
            Log.HandlingFailed(logger, ex, DeviceStatusBoard.ReceiptTap);
            return null;
        }
    }
}
