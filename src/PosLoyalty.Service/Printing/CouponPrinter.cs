using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// (ADR 0006). A coupon the printer did not take stays pending in SQLite and is printed later on a slip
/// of its own, with the same code, by <see cref="PrintPendingAsync"/>; codes in flight are tracked so the
/// same coupon is never queued twice.
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
    private readonly Lock _gate = new();
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);

    /// <summary>False while the printer is away, out of paper or its cover is open: coupons wait in the queue instead.</summary>
    public bool CanPrintNow => link.IsConnected && !link.PaperOut && !link.CoverOpen;

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

            // Erased since: the coupon still prints, without a name.
            var name = coupon.CustomerId is { } id ? customers.GreetingName(id) : null;

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
