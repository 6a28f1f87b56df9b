using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Printing;

/// <summary>
/// Prints committed coupons and records them printed once the printer took the bytes (docs/adr/0006). At a receipt's
/// cut it renders the coupons the sale claimed into the pump's <see cref="CutInsertion"/>; the pump writes them. What
/// the printer did not take stays pending in SQLite and is printed later on a slip of its own, with the same code, by
/// <see cref="PrintPendingAsync"/>, never inside an open POS receipt. Every coupon on its way is claimed in the
/// <see cref="CouponPrintQueue"/>, so none is queued twice.
/// </summary>
public sealed class CouponPrinter(
    PrinterLink link,
    CouponSlipRenderer renderer,
    CouponPrintQueue queue,
    CustomerRepository customers,
    IOptions<TillOptions> tillOptions,
    ILogger<CouponPrinter> logger)
{
    private readonly TillOptions till = tillOptions.Value;

    /// <summary>False while the printer is away, out of paper or its cover is open: coupons wait in the queue instead.</summary>
    public bool CanPrintNow => link.IsConnected && !link.PaperOut && !link.CoverOpen;

    /// <summary><paramref name="recording"/>, claiming the sale's pending coupons for this printer inside its transaction.</summary>
    public SaleRecording Claiming(SaleRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return recording with { PrintClaim = queue };
    }

    /// <summary>
    /// What the pump writes at the cut for coupons the sale claimed: in front of the cut (<paramref name="placement"/>
    /// BeforeCut) or on their own slip after it. Each is marked printed once the printer took it; if the pump does not
    /// write them, they go back to the queue.
    /// </summary>
    public CutInsertion AtCut(IReadOnlyList<CouponView> claimed, string? greetingName, CouponPlacement placement, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        if (claimed.Count == 0)
        {
            return CutInsertion.None;
        }

        var standAlone = placement == CouponPlacement.AfterCut;
        var bytes = claimed.SelectMany(c => renderer.Render(c, greetingName, standAlone)).ToArray();
        void Written(long? end)
        {
            if (end is { } position)
            {
                foreach (var coupon in claimed)
                {
                    _ = MarkWhenWrittenAsync(coupon, position, stoppingToken);
                }
            }
            else
            {
                GiveBack(claimed);
            }
        }

        return standAlone ? CutInsertion.SlipAfterCut(bytes, Written) : CutInsertion.BeforeCut(bytes, Written);
    }

    /// <summary>
    /// Coupons claimed for a cut that went out without them (the sale committed after the hook's timeout): back to the
    /// queue, to be printed on their own slip once no POS receipt is open.
    /// </summary>
    public void GiveBack(IReadOnlyList<CouponView> claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        queue.Release(claimed);
        link.Boundary.Wake();
    }

    /// <summary>
    /// Prints, each on its own slip, the coupons still pending for this till that nobody has claimed; when a POS receipt
    /// is open on the printer it prints none, and the link's <see cref="ReceiptBoundary.Reached"/> says when to try again.
    /// </summary>
    public Task<int> PrintPendingAsync(CancellationToken stoppingToken)
    {
        if (!CanPrintNow)
        {
            return Task.FromResult(0);
        }

        var claimed = queue.ClaimPending(till.Id);
        if (claimed.Count == 0)
        {
            return Task.FromResult(0);
        }

        // Rendered (and the names read) before the boundary's lock: the pump must not wait on the database.
        // Erased since: the coupon still prints, without a name.
        var slips = claimed.Select(c => (Coupon: c, Bytes: renderer.Render(c, c.CustomerId is { } id ? customers.GreetingName(id) : null, standAlone: true))).ToList();
        var ends = new List<long>(slips.Count);
        if (!link.Boundary.TryQueueBetweenReceipts(() => ends.AddRange(slips.Select(s => link.Enqueue(s.Bytes)))))
        {
            queue.Release(claimed);
            return Task.FromResult(0);
        }

        for (var i = 0; i < slips.Count; i++)
        {
            _ = MarkWhenWrittenAsync(slips[i].Coupon, ends[i], stoppingToken);
        }

        return Task.FromResult(slips.Count);
    }

    private async Task MarkWhenWrittenAsync(CouponView coupon, long position, CancellationToken stoppingToken)
    {
        try
        {
            await link.WaitWrittenAsync(position, stoppingToken);
            if (queue.MarkPrinted(coupon.Code))
            {
                Log.CouponPrinted(logger, till.Id);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping before the printer took it: it stays pending and prints at the next start.
            queue.Release([coupon]);
        }
        catch (Exception ex)
        {
            queue.Release([coupon]);
            Log.HandlingFailed(logger, ex, "coupon print");
        }
    }
}
