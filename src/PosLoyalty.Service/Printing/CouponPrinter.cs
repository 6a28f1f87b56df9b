using Microsoft.Extensions.Logging;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;

namespace PosLoyalty.Service.Printing;

/// <summary>
/// Sends committed coupons to the printer and records them printed once the printer took the bytes
/// (DESIGN.md §7). A coupon the printer did not take stays pending in SQLite and is printed later on a slip
/// of its own, with the same code, by <see cref="PrintPendingAsync"/>; codes in flight are tracked so the
/// same coupon is never queued twice.
/// </summary>
public sealed class CouponPrinter(
    PrinterLink link,
    CouponSlipRenderer renderer,
    CouponPrintQueue queue,
    CustomerRepository customers,
    TillOptions till,
    TimeProvider time,
    ILogger<CouponPrinter> logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);

    /// <summary>False while the printer is away or out of paper: coupons wait in the queue instead.</summary>
    public bool CanPrintNow => link.IsConnected && !link.PaperOut;

    /// <summary>
    /// Queues the coupons now, behind every byte already queued (at the foot of the receipt when
    /// <paramref name="standAlone"/> is false), and marks each printed when the printer has taken it.
    /// Returns the link position after the coupons, or null when none was queued.
    /// </summary>
    public long? Queue(IReadOnlyList<CouponView> coupons, string? greetingName, bool standAlone, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(coupons);
        long? end = null;
        foreach (var coupon in Claim(coupons))
        {
            end = Send(coupon, greetingName, standAlone, stoppingToken);
        }

        return end;
    }

    /// <summary>
    /// AfterCut: prints the coupons on their own slip as soon as the tap has queued more POS bytes than
    /// <paramref name="position"/> — the receipt's cut, which the tap queues right after the sale committed.
    /// </summary>
    public void QueueAfter(IReadOnlyList<CouponView> coupons, string? greetingName, long position, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(coupons);
        var claimed = Claim(coupons);
        if (claimed.Count > 0)
        {
            _ = SendAfterAsync(claimed, greetingName, position, stoppingToken);
        }
    }

    /// <summary>Prints, each on its own slip, the coupons still pending for this till that are not already on their way.</summary>
    public Task<int> PrintPendingAsync(CancellationToken stoppingToken)
    {
        if (!CanPrintNow)
        {
            return Task.FromResult(0);
        }

        var pending = queue.Pending(till.Id);
        var queued = 0;
        foreach (var coupon in pending)
        {
            bool busy;
            lock (_gate)
            {
                busy = _inFlight.Contains(coupon.Code.Value);
            }

            if (busy)
            {
                continue;
            }

            string? name = null;
            if (coupon.CustomerId is { } id)
            {
                try
                {
                    name = customers.GetProfile(id).Customer.GreetingOrName;
                }
                catch (Storage.NotFoundException)
                {
                    name = null; // erased since: the coupon still prints, without a name
                }
            }

            if (Claim([coupon]).Count == 1)
            {
                Send(coupon, name, standAlone: true, stoppingToken);
                queued++;
            }
        }

        return Task.FromResult(queued);
    }

    private List<CouponView> Claim(IReadOnlyList<CouponView> coupons)
    {
        lock (_gate)
        {
            return coupons.Where(c => _inFlight.Add(c.Code.Value)).ToList();
        }
    }

    private long Send(CouponView coupon, string? greetingName, bool standAlone, CancellationToken stoppingToken)
    {
        var position = link.Enqueue(renderer.Render(coupon, greetingName, standAlone));
        _ = MarkWhenWrittenAsync(coupon.Code, position, stoppingToken);
        return position;
    }

    private async Task SendAfterAsync(List<CouponView> coupons, string? greetingName, long position, CancellationToken stoppingToken)
    {
        // The cut follows the hook within microseconds; if it never comes (the POS link dropped), print anyway.
        var started = time.GetTimestamp();
        try
        {
            while (link.EnqueuedPosition <= position && time.GetElapsedTime(started) < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(1, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            Release(coupons);
            return;
        }

        foreach (var coupon in coupons)
        {
            Send(coupon, greetingName, standAlone: true, stoppingToken);
        }
    }

    private void Release(IEnumerable<CouponView> coupons)
    {
        lock (_gate)
        {
            foreach (var coupon in coupons)
            {
                _inFlight.Remove(coupon.Code.Value);
            }
        }
    }

    private async Task MarkWhenWrittenAsync(CouponCode code, long position, CancellationToken stoppingToken)
    {
        try
        {
            await link.WaitWrittenAsync(position, stoppingToken);
            if (queue.MarkPrinted(code))
            {
                ServiceLog.CouponPrinted(logger, till.Id);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping before the printer took it: it stays pending and prints at the next start.
        }
        catch (Exception ex)
        {
            ServiceLog.HandlingFailed(logger, ex, "coupon print");
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(code.Value);
            }
        }
    }
}
