using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Till;

/// <summary>
/// Pairs scans with sales on one till (docs/architecture.md, "Pairing a scan with a sale"). A card scan makes its customer active until the sale
/// completes, the cashier clears it, or <see cref="TillOptions.ActiveCustomerTimeout"/> passes. A sale with
/// nobody active is stored unclaimed at once; a card scanned within <see cref="TillOptions.LateScanWindow"/>
/// claims it. A receipt seen before earns nothing; a refund reverses its sale; a coupon code scanned at the
/// counter is redeemed, not taken for a card (asked of the chain first when one is configured: <see cref="CouponRedeemer"/>). A sale the reader was unsure of, or one above `Till:ConfirmSalesAbove`,
/// waits for the cashier as a pending sale instead (docs/adr/0010); a document that is not a sale earns nothing. Every effect is one SQLite transaction in the storage layer;
/// this class only decides which one, under one lock, so a scan and a receipt arriving together are ordered.
/// </summary>
public sealed class TillSession(
    IOptions<TillOptions> options,
    CustomerRepository customers,
    SaleRecorder sales,
    CouponRepository coupons,
    TillEventHub hub,
    TimeProvider time,
    ILogger<TillSession> logger,
    PendingSales pending,
    ReceiptConfirmationPolicy confirmation,
    IChainCoupons? chainCoupons = null)
{
    private readonly TillOptions _options = options.Value;
    private readonly CouponRedeemer _redeemer = new(coupons, options.Value.Id, chainCoupons, time);
    private readonly Lock _gate = new();
    private CustomerId? _active;
    private DateTimeOffset _activeSince;

    public string TillId => _options.Id;

    /// <summary>The customer at the counter now, if any (after applying the timeout).</summary>
    public CustomerId? ActiveCustomer
    {
        get
        {
            lock (_gate)
            {
                ExpireLocked();
                return _active;
            }
        }
    }

    /// <summary>A scan from the loyalty scanner: a card (identify, maybe claim a late receipt) or a coupon (redeem).</summary>
    public TillEvent HandleScan(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        lock (_gate)
        {
            ExpireLocked();
            var text = code.Trim();
            CardRecord? card = null;
            if (CardNumber.TryParse(text, out var number, out _))
            {
                card = customers.FindByCard(number);
            }

            // A registered card always wins: a numeric card can pass a coupon's check character by chance.
            if (card is null && CouponCode.TryParse(text, out var coupon, out _))
            {
                return Publish(Redeem(coupon));
            }

            if (card is null)
            {
                if (number.Value is null)
                {
                    logger.ScanRefused(TillId, "not a card or coupon code");
                    return Publish(new ScanRefused(time.GetUtcNow(), "that code is not a loyalty card or a coupon"));
                }

                logger.UnknownCard(TillId);
                return Publish(new UnknownCardScanned(time.GetUtcNow(), number));
            }

            if (card.ReplacedAt is { } replaced)
            {
                logger.ScanRefused(TillId, "replaced card");
                return Publish(new ScanRefused(time.GetUtcNow(), $"card {number.Masked()} was replaced on {replaced:yyyy-MM-dd}: ask for the new card"));
            }

            return Publish(IdentifyLocked(card.CustomerId));
        }
    }

    /// <summary>The cashier picked a customer without the card (find by name or phone), or just enrolled one.</summary>
    public TillEvent Identify(CustomerId customerId)
    {
        lock (_gate)
        {
            ExpireLocked();
            return Publish(IdentifyLocked(customerId));
        }
    }

    /// <summary>
    /// A completed receipt from the tap or the POS: recorded, or held for the cashier, before this returns.
    /// <paramref name="confidence"/> is how sure the receipt reader was of it (0–1); 1, the default, for a sale the POS
    /// or a person stated, which is no guess. `Till:ConfirmSalesAbove` applies to every sale.
    /// </summary>
    public TillEvent HandleReceipt(TillReceipt receipt, SaleRecording recording, double confidence = 1d)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(recording);
        var sale = receipt.Sale;
        lock (_gate)
        {
            ExpireLocked();
            var now = time.GetUtcNow();
            if (receipt.ReceiptCurrency is { } printed)
            {
                logger.CurrencyMismatch(sale.ReceiptNumber, printed, sale.Total.Currency.Value);
            }

            if (receipt.Copy)
            {
                return Publish(Ignored(now, sale, ReceiptIgnoredReason.Copy, "a copy or reprint"));
            }

            if (receipt.Kind is TillReceiptKind.Refund or TillReceiptKind.Void)
            {
                try
                {
                    var refund = sales.Refund(sale.TillId, sale.ReceiptNumber, sale.At);
                    if (refund.Duplicate)
                    {
                        return Publish(Ignored(now, sale, ReceiptIgnoredReason.SeenBefore, "reversed before"));
                    }

                    logger.RefundRecorded(sale.ReceiptNumber, sale.TillId, receipt.Kind.ToString().ToLowerInvariant(), refund.PointsChange.Value);
                    return Publish(new RefundRecorded(now, refund));
                }
                catch (NotFoundException)
                {
                    return Publish(Ignored(now, sale, ReceiptIgnoredReason.UnknownSale, "no sale with that receipt number was recorded"));
                }
            }

            if (pending.Find(sale.TillId, sale.ReceiptNumber) is { } held)
            {
                // Held before: only the cashier's confirm credits it, and a dropped receipt stays dropped.
                return Publish(Ignored(now, sale, ReceiptIgnoredReason.SeenBefore, held.State == PendingSaleState.Pending ? "already waiting for the cashier" : "confirmed or dropped before"));
            }

            // A sale a person typed in (the panel's manual sale) is what they meant: only the tap and the POS are held.
            if (recording.Source != SaleRecording.Manual.Source && confirmation.WhyConfirm(sale.Total.Amount, confidence) is { } why)
            {
                return Publish(HoldLocked(now, sale, recording, confidence, why));
            }

            if (_active is { } customer)
            {
                var outcome = sales.Apply(customer, sale, recording);
                if (outcome.Duplicate)
                {
                    // A POS retry or a reprint: the customer at the counter is still waiting for their own sale.
                    return Publish(Ignored(now, sale, ReceiptIgnoredReason.SeenBefore, "seen before"));
                }

                _active = null; // the sale completed: the next scan starts afresh
                logger.SaleRecorded(sale.ReceiptNumber, sale.TillId, customer.Value, outcome.PointsEarned.Value, outcome.CouponsIssued.Count);
                return Publish(new SaleRecorded(now, outcome));
            }

            if (!sales.RecordUnclaimed(sale, recording))
            {
                return Publish(Ignored(now, sale, ReceiptIgnoredReason.SeenBefore, "seen before"));
            }

            logger.SaleUnclaimed(sale.ReceiptNumber, sale.TillId);
            return Publish(new UnclaimedSaleRecorded(now, sale.ReceiptNumber, sale.Total.Amount));
        }
    }

    /// <summary>
    /// A coupon code the cashier typed at a panel, redeemed under the till's lock like a scanned one. A redemption is
    /// published (every panel and the pole display show it); a refusal is returned to the caller only and not
    /// published: the panel that keyed the code is the one to correct it, whereas a scan belongs to no panel in
    /// particular, so its refusal goes to all.
    /// </summary>
    public TillEvent RedeemKeyed(CouponCode code)
    {
        lock (_gate)
        {
            ExpireLocked();
            var result = Redeem(code);
            return result is CouponRedeemedAtCounter ? Publish(result) : result;
        }
    }

    /// <summary>
    /// A sale keyed in at a panel (a till without a tap) for <paramref name="customerId"/>, recorded under the till's
    /// lock. For the customer at the counter it is their sale, exactly as a receipt would be, and ends their visit.
    /// For anyone else (picked with Find while nobody, or somebody else, is at the counter) it is credited to them and
    /// whoever is at the counter stays there, their own receipt still to come. Either way the outcome is published.
    /// </summary>
    public TillEvent RecordManualSale(CustomerId customerId, Sale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        lock (_gate)
        {
            ExpireLocked();
            if (_active == customerId)
            {
                return HandleReceipt(new TillReceipt(TillReceiptKind.Sale, sale, Copy: false, ReceiptCurrency: null), SaleRecording.Manual);
            }

            var now = time.GetUtcNow();
            var outcome = sales.Apply(customerId, sale, SaleRecording.Manual);
            if (outcome.Duplicate)
            {
                return Publish(Ignored(now, sale, ReceiptIgnoredReason.SeenBefore, "recorded before: nothing earned twice"));
            }

            logger.SaleRecorded(sale.ReceiptNumber, sale.TillId, customerId.Value, outcome.PointsEarned.Value, outcome.CouponsIssued.Count);
            return Publish(new SaleRecorded(now, outcome));
        }
    }

    /// <summary>
    /// A printed document that is not a sale (an X/Z report, a kitchen ticket, an order slip, a test page, a tip slip, a
    /// voucher): nothing is credited, and the log names the kind, never the text.
    /// </summary>
    public TillEvent IgnoreNonSale(ReceiptKind kind, string? receiptNumber)
    {
        var name = kind.ToString().ToLowerInvariant();
        logger.NotASale(TillId, name);
        return Publish(new ReceiptIgnored(time.GetUtcNow(), receiptNumber?.Trim() ?? string.Empty, ReceiptIgnoredReason.NotASale, "not a sale (" + name + ")", kind));
    }

    /// <summary>The sales waiting for the cashier on this till, oldest first.</summary>
    public IReadOnlyList<PendingSaleView> PendingSales() => pending.Waiting(TillId);

    /// <summary>
    /// The cashier confirmed a waiting sale: credited once (for its customer, or kept unclaimed) in one transaction
    /// with its audit row. A second confirm changes nothing.
    /// </summary>
    public PendingDecision ConfirmPending(long pendingId)
    {
        lock (_gate)
        {
            var decision = pending.Confirm(pendingId, _options.PrintCoupons);
            if (decision.Changed)
            {
                logger.PendingDecided(pendingId, decision.Sale.TillId, "confirmed");
                Publish(new PendingSaleDecided(time.GetUtcNow(), decision));
                if (decision.Credited is { } outcome)
                {
                    Publish(new SaleRecorded(time.GetUtcNow(), outcome));
                }
            }

            return decision;
        }
    }

    /// <summary>The cashier dropped a waiting sale: never credited, audited.</summary>
    public PendingDecision DropPending(long pendingId)
    {
        lock (_gate)
        {
            var decision = pending.Drop(pendingId);
            if (decision.Changed)
            {
                logger.PendingDecided(pendingId, decision.Sale.TillId, "dropped");
                Publish(new PendingSaleDecided(time.GetUtcNow(), decision));
            }

            return decision;
        }
    }

    /// <summary>
    /// Runs the read side of a card scan once for some customer, changing nothing and publishing nothing, so the first
    /// real scan of the day finds its queries compiled and prepared (it otherwise pays ≈ 100 ms of JIT at the counter).
    /// </summary>
    public void WarmUp()
    {
        if (customers.AnyCustomer() is not { } id)
        {
            return;
        }

        var profile = customers.GetProfile(id);
        foreach (var card in profile.Cards)
        {
            _ = customers.FindByCard(card.Number);
        }

        _ = CouponCode.TryParse(profile.Cards.FirstOrDefault()?.Number.Value, out _, out _);
    }

    /// <summary>The cashier pressed X: nobody is at the counter.</summary>
    public void Clear(string reason)
    {
        lock (_gate)
        {
            if (_active is null)
            {
                return;
            }

            _active = null;
            logger.Cleared(TillId, reason);
            Publish(new CustomerCleared(time.GetUtcNow(), reason));
        }
    }

    /// <summary>Called on a timer: clears a customer who stayed active past the timeout.</summary>
    public void ExpireIfIdle()
    {
        lock (_gate)
        {
            ExpireLocked();
        }
    }

    private TillEvent IdentifyLocked(CustomerId customerId)
    {
        var now = time.GetUtcNow();
        SaleOutcome? late = null;
        if (_options.LateScanWindow > TimeSpan.Zero)
        {
            late = sales.ClaimLatestUnclaimed(TillId, customerId, now - _options.LateScanWindow, SaleRecording.Receipt(null, _options.PrintCoupons));
        }

        PendingSaleView? claimedPending = null;
        if (late is null && _options.LateScanWindow > TimeSpan.Zero)
        {
            // A sale held for the cashier with nobody at the counter: the late scan names whom a confirm credits.
            claimedPending = pending.ClaimLatest(TillId, customerId, now - _options.LateScanWindow);
        }

        if (claimedPending is not null)
        {
            _active = null;
            Publish(new SalePending(now, claimedPending));
        }
        else if (late is null)
        {
            _active = customerId;
            _activeSince = now;
        }
        else
        {
            // The sale is already over: nobody stays active, or the next customer's receipt would be theirs.
            _active = null;
            logger.LateScanClaimed(TillId, late.ReceiptNumber, customerId.Value);
        }

        logger.CustomerIdentified(customerId.Value, TillId);
        return new CustomerIdentified(now, customers.GetProfile(customerId), late);
    }

    private TillEvent Redeem(CouponCode code)
    {
        var now = time.GetUtcNow();
        try
        {
            var coupon = _redeemer.Redeem(code);
            logger.CouponRedeemed(TillId, coupon.CustomerId?.Value);
            return new CouponRedeemedAtCounter(now, coupon);
        }
        catch (Exception ex) when (ex is CouponNotRedeemableException or NotFoundException)
        {
            logger.ScanRefused(TillId, "coupon not redeemable");
            return new ScanRefused(now, ex.Message);
        }
    }

    private TillEvent HoldLocked(DateTimeOffset now, Sale sale, SaleRecording recording, double confidence, string why)
    {
        var hold = pending.Hold(sale, _active, "sale", confidence, why, recording);
        switch (hold.Result)
        {
            case PendingHoldResult.Held:
                _active = null; // the sale completed: the next scan starts afresh
                logger.SalePending(sale.ReceiptNumber, sale.TillId, hold.Sale!.Id, why);
                return new SalePending(now, hold.Sale);
            case PendingHoldResult.AlreadyPending:
                return Ignored(now, sale, ReceiptIgnoredReason.SeenBefore, "already waiting for the cashier");
            case PendingHoldResult.AlreadyDecided:
                return Ignored(now, sale, ReceiptIgnoredReason.SeenBefore, "confirmed or dropped before");
            default:
                return Ignored(now, sale, ReceiptIgnoredReason.SeenBefore, "seen before");
        }
    }

    private ReceiptIgnored Ignored(DateTimeOffset now, Sale sale, ReceiptIgnoredReason kind, string reason)
    {
        logger.ReceiptIgnored(sale.ReceiptNumber, sale.TillId, reason);
        return new ReceiptIgnored(now, sale.ReceiptNumber, kind, reason);
    }

    private void ExpireLocked()
    {
        if (_active is not null && time.GetUtcNow() - _activeSince >= _options.ActiveCustomerTimeout)
        {
            _active = null;
            logger.Cleared(TillId, "timeout");
            Publish(new CustomerCleared(time.GetUtcNow(), "no sale within the active-customer timeout"));
        }
    }

    private TillEvent Publish(TillEvent tillEvent)
    {
        hub.Publish(tillEvent);
        return tillEvent;
    }
}
