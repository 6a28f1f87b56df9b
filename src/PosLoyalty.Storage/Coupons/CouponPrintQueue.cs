using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Coupons;

/// <summary>
/// The durable print queue for coupons (ADR 0006): a coupon for the printer is committed 'pending'
/// with its sale, and becomes 'printed' only after the printer took its bytes. What is pending when the
/// printer comes back (or the service restarts) prints then — with the same code, and once.
/// </summary>
/// <remarks>
/// A coupon on its way to the printer is claimed, so that no second path queues it again: the tap claims a sale's
/// coupons inside the sale's transaction, before its commit makes them visible as pending
/// (<see cref="Sales.SaleRecording.PrintClaim"/>), and a drain claims what it takes with <see cref="ClaimPending"/>.
/// Claims live in this process only: they end with it, so a coupon claimed by a process that died before the
/// printer took it is pending again, unclaimed, at the next start (docs/adr/0006).
/// </remarks>
public sealed class CouponPrintQueue(LoyaltyDatabase database, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    /// <summary>Coupons waiting for this till's printer, oldest first; voided ones are not printed.</summary>
    public IReadOnlyList<CouponView> Pending(string tillId)
    {
        using var c = database.OpenConnection();
        return CouponRepository.ReadCoupons(c, null, "WHERE print_state = 'pending' AND till_id = $t AND voided_at IS NULL ORDER BY issued_at, code", time.GetUtcNow(), ("$t", tillId));
    }

    /// <summary>
    /// The coupons pending for this till that nobody has claimed, oldest first, now claimed for the caller, who
    /// either has the printer take them (<see cref="MarkPrinted"/>) or gives them back (<see cref="Release"/>).
    /// </summary>
    public IReadOnlyList<CouponView> ClaimPending(string tillId) => Claim(Pending(tillId));

    /// <summary>Claims those of <paramref name="coupons"/> nobody has claimed yet, and returns them.</summary>
    public IReadOnlyList<CouponView> Claim(IEnumerable<CouponView> coupons)
    {
        ArgumentNullException.ThrowIfNull(coupons);
        lock (_gate)
        {
            return coupons.Where(c => _claimed.Add(c.Code.Value)).ToList();
        }
    }

    /// <summary>Gives claimed coupons back: they stay pending for the next drain.</summary>
    public void Release(IEnumerable<CouponView> coupons)
    {
        ArgumentNullException.ThrowIfNull(coupons);
        lock (_gate)
        {
            foreach (var coupon in coupons)
            {
                _claimed.Remove(coupon.Code.Value);
            }
        }
    }

    /// <summary>True while the coupon is claimed by this process.</summary>
    public bool IsClaimed(CouponCode code)
    {
        lock (_gate)
        {
            return _claimed.Contains(code.Value);
        }
    }

    /// <summary>How many coupons wait for any printer (for doctor and the idle screen).</summary>
    public int PendingCount()
    {
        using var c = database.OpenConnection();
        return (int)Sql.Scalar<long>(c, null, "SELECT COUNT(*) FROM coupons WHERE print_state = 'pending' AND voided_at IS NULL");
    }

    /// <summary>
    /// Records that the printer took the coupon's bytes, and ends its claim. False when it was not pending (printed
    /// already, or never meant for a printer): the caller must then not count it as a second print.
    /// </summary>
    public bool MarkPrinted(CouponCode code)
    {
        var now = Sql.Time(time.GetUtcNow());
        try
        {
            using var c = database.OpenConnection();
            return Sql.Execute(c, null, "UPDATE coupons SET print_state = 'printed', printed_at = $now, print_count = print_count + 1 WHERE code = $code AND print_state = 'pending'", ("$now", now), ("$code", code.Value)) == 1;
        }
        finally
        {
            lock (_gate)
            {
                _claimed.Remove(code.Value);
            }
        }
    }

    /// <summary>A manager's reprint: the same code goes back in the queue for the till's printer. Audited.</summary>
    public CouponView Reprint(CouponCode code, string tillId)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var coupon = CouponRepository.ReadCoupons(c, tx, "WHERE code = $code", now, ("$code", code.Value)).SingleOrDefault()
            ?? throw new NotFoundException($"coupon {code.ToDisplayString()} does not exist");
        if (coupon.Status != CouponStatus.Active)
        {
            throw new CouponNotRedeemableException($"coupon {code.ToDisplayString()} is {coupon.Status.ToString().ToLowerInvariant()}: only an active coupon is reprinted");
        }

        Sql.Execute(c, tx, "UPDATE coupons SET print_state = 'pending', till_id = $t WHERE code = $code", ("$t", tillId), ("$code", code.Value));
        Audit.Write(c, tx, now, "coupon-reprint", coupon.CustomerId, $"coupon {code.Value} on till {tillId}", allowed: true);
        tx.Commit();
        return coupon;
    }
}
