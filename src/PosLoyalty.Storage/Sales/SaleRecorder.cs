using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Stamps;

namespace PosLoyalty.Storage.Sales;

/// <summary>
/// Makes a sale's effects happen: the visit, its items, ledger rows, stamps, tier and coupons,
/// all in ONE transaction keyed by (till, receipt number). A replay finds the key and changes nothing.
/// </summary>
public sealed class SaleRecorder(LoyaltyDatabase database, LoyaltyRules rules, TimeProvider time)
{
    public SaleOutcome Apply(CustomerId customerId, Sale sale) => Apply(customerId, sale, SaleRecording.Manual);

    /// <summary>
    /// Records the sale for the customer and makes its effects happen, in one transaction. A receipt kept
    /// earlier with no customer (<see cref="RecordUnclaimed"/>) is claimed instead of inserted again; a
    /// receipt already owned by a customer is a replay and changes nothing.
    /// </summary>
    public SaleOutcome Apply(CustomerId customerId, Sale sale, SaleRecording recording)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var outcome = ApplyWithin(c, tx, customerId, sale, recording);

        // Claimed before the commit makes the coupons visible as pending: no drain of the queue can take them first.
        var claimed = recording is { PrintCoupons: true, PrintClaim: { } claim } ? claim.Claim(outcome.CouponsIssued) : [];
        try
        {
            tx.Commit();
        }
        catch
        {
            recording.PrintClaim?.Release(claimed);
            throw;
        }

        return outcome;
    }

    /// <summary>
    /// <see cref="Apply(CustomerId, Sale, SaleRecording)"/> inside the caller's write transaction, so another change (a
    /// pending sale confirmed, its audit row) commits with the sale or not at all. The caller commits.
    /// </summary>
    internal SaleOutcome ApplyWithin(SqliteConnection c, SqliteTransaction tx, CustomerId customerId, Sale sale, SaleRecording recording)
    {
        CheckCurrency(sale);
        var existing = FindSale(c, tx, sale.TillId, sale.ReceiptNumber);
        if (existing is { Customer: { } owner })
        {
            return Replay(c, tx, sale, new CustomerId(owner));
        }

        if (existing is { } unclaimed)
        {
            sale = LoadSale(c, tx, unclaimed.Id);
        }

        // Evaluated before the sale is attributed: a tier is earned by past spend, not by the sale itself.
        var (row, effects) = Evaluate(c, tx, customerId, sale);
        long saleId;
        if (existing is { } claimed)
        {
            saleId = claimed.Id;
            Sql.Execute(c, tx, "UPDATE sales SET customer_id = $c WHERE id = $s", ("$c", customerId.Value), ("$s", saleId));
        }
        else
        {
            saleId = InsertSale(c, tx, customerId, sale, recording);
        }

        return ApplyEffects(c, tx, customerId, saleId, sale, recording, row, effects);
    }

    /// <summary>
    /// Keeps a completed receipt that no customer claimed (yet): it counts in the day's sales, and a card
    /// scanned just after payment can claim it (<see cref="ClaimLatestUnclaimed"/>). Returns false, changing
    /// nothing, when the receipt was seen before.
    /// </summary>
    public bool RecordUnclaimed(Sale sale, SaleRecording recording)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        if (!RecordUnclaimedWithin(c, tx, sale, recording))
        {
            return false;
        }

        tx.Commit();
        return true;
    }

    /// <summary><see cref="RecordUnclaimed"/> inside the caller's write transaction; the caller commits.</summary>
    internal bool RecordUnclaimedWithin(SqliteConnection c, SqliteTransaction tx, Sale sale, SaleRecording recording)
    {
        CheckCurrency(sale);
        if (IsRecorded(c, tx, sale.TillId, sale.ReceiptNumber))
        {
            return false;
        }

        InsertSale(c, tx, null, sale, recording);
        return true;
    }

    /// <summary>True when the sale at (till, receipt) is recorded, claimed or not.</summary>
    internal static bool IsRecorded(SqliteConnection c, SqliteTransaction tx, string tillId, string receiptNumber) =>
        FindSale(c, tx, tillId, receiptNumber) is not null;

    /// <summary>
    /// A late scan: gives the customer the newest receipt on the till that nobody claimed, completed at or
    /// after <paramref name="notBefore"/> and not refunded. Null when there is none.
    /// </summary>
    public SaleOutcome? ClaimLatestUnclaimed(string tillId, CustomerId customerId, DateTimeOffset notBefore, SaleRecording recording)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var saleId = Sql.Scalar<long?>(
            c,
            tx,
            """
            SELECT s.id FROM sales s
            WHERE s.till_id = $t AND s.kind = 'sale' AND s.customer_id IS NULL AND s.at >= $since
              AND NOT EXISTS (SELECT 1 FROM sales r WHERE r.refund_of = s.id)
            ORDER BY s.at DESC, s.id DESC LIMIT 1
            """,
            ("$t", tillId),
            ("$since", Sql.Time(notBefore)));
        if (saleId is null)
        {
            return null;
        }

        var sale = LoadSale(c, tx, saleId.Value);
        var (row, effects) = Evaluate(c, tx, customerId, sale);
        Sql.Execute(c, tx, "UPDATE sales SET customer_id = $c WHERE id = $s", ("$c", customerId.Value), ("$s", saleId.Value));
        var outcome = ApplyEffects(c, tx, customerId, saleId.Value, sale, recording, row, effects);
        tx.Commit();
        return outcome;
    }

    private void CheckCurrency(Sale sale)
    {
        if (sale.Total.Currency != rules.ShopCurrency)
        {
            throw new DomainValidationException($"currency {sale.Total.Currency} is not the shop's currency {rules.ShopCurrency} (Currency in the rules file)");
        }
    }

    private static (long Id, long? Customer)? FindSale(SqliteConnection c, SqliteTransaction tx, string tillId, string receiptNumber)
    {
        using var cmd = Sql.Command(c, tx, "SELECT id, customer_id FROM sales WHERE till_id = $t AND receipt_number = $r AND kind = 'sale'", ("$t", tillId), ("$r", receiptNumber));
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1)) : null;
    }

    private SaleOutcome Replay(SqliteConnection c, SqliteTransaction tx, Sale sale, CustomerId recordedOwner)
    {
        var owner = new CustomerId(CustomerRows.Live(c, tx, recordedOwner.Value));
        var balance = Sql.Scalar<long>(c, tx, "SELECT points_balance FROM customers WHERE id = $id", ("$id", owner.Value));
        var spend = CustomerRepository.Spend12Months(c, tx, owner, time.GetUtcNow());
        return new SaleOutcome(sale.TillId, sale.ReceiptNumber, owner, true, Points.Zero, new Points(balance), StampViews(c, tx, owner), [], TierStatus.For(rules.Tiers, spend), [], null);
    }

    private static long InsertSale(SqliteConnection c, SqliteTransaction tx, CustomerId? customerId, Sale sale, SaleRecording recording)
    {
        var saleId = Sql.InsertReturningId(
            c,
            tx,
            "INSERT INTO sales (till_id, receipt_number, kind, customer_id, total_e4, currency, at, at_offset_minutes, source, receipt_currency) VALUES ($t, $r, 'sale', $c, $total, $cur, $at, $off, $src, $rcur)",
            ("$t", sale.TillId),
            ("$r", sale.ReceiptNumber),
            ("$c", customerId?.Value),
            ("$total", Sql.ToE4(sale.Total.Amount)),
            ("$cur", sale.Total.Currency.Value),
            ("$at", Sql.Time(sale.At)),
            ("$off", (int)sale.At.Offset.TotalMinutes),
            ("$src", recording.Source),
            ("$rcur", recording.ReceiptCurrency));
        for (var i = 0; i < sale.Items.Count; i++)
        {
            var item = sale.Items[i];
            Sql.Execute(
                c,
                tx,
                "INSERT INTO sale_items (sale_id, line, sku, description, quantity, amount_e4) VALUES ($s, $l, $sku, $d, $q, $a)",
                ("$s", saleId),
                ("$l", i + 1),
                ("$sku", item.Sku),
                ("$d", item.Description),
                ("$q", item.Quantity.ToString(CultureInfo.InvariantCulture)),
                ("$a", Sql.ToE4(item.Amount.Amount)));
        }

        return saleId;
    }

    private Sale LoadSale(SqliteConnection c, SqliteTransaction tx, long saleId)
    {
        string till, receipt, at;
        long totalE4;
        int offsetMinutes;
        using (var cmd = Sql.Command(c, tx, "SELECT till_id, receipt_number, total_e4, at, at_offset_minutes FROM sales WHERE id = $s", ("$s", saleId)))
        using (var r = cmd.ExecuteReader())
        {
            r.Read();
            (till, receipt, totalE4, at, offsetMinutes) = (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4));
        }

        var currency = rules.ShopCurrency;
        var items = new List<SaleItem>();
        using (var cmd = Sql.Command(c, tx, "SELECT sku, description, quantity, amount_e4 FROM sale_items WHERE sale_id = $s ORDER BY line", ("$s", saleId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                items.Add(new SaleItem(Sql.StringOrNull(r, 0), r.GetString(1), decimal.Parse(r.GetString(2), CultureInfo.InvariantCulture), new Money(Sql.FromE4(r.GetInt64(3)), currency)));
            }
        }

        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new Sale(till, receipt, new Money(Sql.FromE4(totalE4), currency), Sql.ParseTime(at).ToOffset(offset), items);
    }

    private ((Customer Customer, long Balance, int Visits, DateTimeOffset? LastVisitAt, DateTimeOffset? LastBirthdayRewardAt) Row, SaleEffects Effects) Evaluate(SqliteConnection c, SqliteTransaction tx, CustomerId customerId, Sale sale)
    {
        var row = CustomerRows.Load(c, tx, customerId) ?? throw new NotFoundException($"customer {customerId} does not exist");
        var state = new CustomerState(
            row.Customer,
            new Points(row.Balance),
            StampRows.Sums(c, tx, customerId),
            CustomerRepository.Spend12Months(c, tx, customerId, sale.At),
            row.Visits,
            row.LastVisitAt,
            row.LastBirthdayRewardAt);
        return (row, LoyaltyRulesEngine.Evaluate(state, sale, rules));
    }

    private SaleOutcome ApplyEffects(SqliteConnection c, SqliteTransaction tx, CustomerId customerId, long saleId, Sale sale, SaleRecording recording, (Customer Customer, long Balance, int Visits, DateTimeOffset? LastVisitAt, DateTimeOffset? LastBirthdayRewardAt) row, SaleEffects effects)
    {
        var currency = rules.ShopCurrency;
        var at = Sql.Time(sale.At);

        foreach (var entry in effects.Entries)
        {
            AddLedger(c, tx, customerId, saleId, entry.Delta, entry.Reason, at);
        }

        if (effects.ReferrerBonus.Value > 0 && row.Customer.ReferredBy is { } referrer && CustomerRows.Load(c, tx, referrer) is not null)
        {
            AddLedger(c, tx, referrer, saleId, effects.ReferrerBonus, LedgerReason.Referral, at);
            Sql.Execute(c, tx, "UPDATE customers SET points_balance = points_balance + $d WHERE id = $id", ("$d", effects.ReferrerBonus.Value), ("$id", referrer.Value));
        }

        // The sale's stamps; each filled card's coupon writes its consumption with its code (CouponRepository.Issue).
        foreach (var change in effects.Stamps)
        {
            StampRows.Add(c, tx, customerId, change.ProgramId, change.Added, "stamp", at, saleId);
        }

        var now = time.GetUtcNow();
        var issued = effects.Coupons
            .Select(g => CouponRepository.Issue(c, tx, customerId, saleId, g, currency, rules.Coupons.ValidDays, now))
            .ToList();
        if (recording.PrintCoupons && issued.Count > 0)
        {
            // Committed as pending with the sale: the printer gets the bytes only after this commit, and a
            // coupon the printer never took is printed later, once, with the same code.
            Sql.Execute(c, tx, "UPDATE coupons SET print_state = 'pending', till_id = $t WHERE sale_id = $s", ("$t", sale.TillId), ("$s", saleId));
        }

        var balanceAfter = new Points(row.Balance) + effects.NetChange;
        var isVisit = sale.HasPurchase;
        Sql.Execute(
            c,
            tx,
            """
            UPDATE customers SET points_balance = $b,
                visit_count = visit_count + $v,
                last_visit_at = CASE WHEN $v = 1 AND (last_visit_at IS NULL OR last_visit_at < $at) THEN $at ELSE last_visit_at END,
                last_birthday_reward_at = CASE WHEN $bday = 1 THEN $at ELSE last_birthday_reward_at END
            WHERE id = $id
            """,
            ("$b", balanceAfter.Value),
            ("$v", isVisit ? 1 : 0),
            ("$at", at),
            ("$bday", effects.BirthdayRewarded ? 1 : 0),
            ("$id", customerId.Value));

        OutboxWriter.SaleRecorded(c, tx, saleId, now);
        var stamps = StampViews(c, tx, customerId);
        return new SaleOutcome(sale.TillId, sale.ReceiptNumber, customerId, false, effects.PointsEarned, balanceAfter, stamps, issued, effects.TierAfter, effects.Entries, row.Customer.GreetingOrName);
    }

    /// <summary>
    /// Reverses what the sale at (till, receipt) earned: its ledger rows, stamps and unused coupons.
    /// A coupon already redeemed stays redeemed and what it cost (a filled card, converted points)
    /// stays spent. Keyed like a sale, so a replayed refund changes nothing.
    /// </summary>
    public RefundOutcome Refund(string tillId, string receiptNumber, DateTimeOffset at)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        long saleId;
        long? customerValue;
        using (var cmd = Sql.Command(c, tx, "SELECT id, customer_id FROM sales WHERE till_id = $t AND receipt_number = $r AND kind = 'sale'", ("$t", tillId), ("$r", receiptNumber)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                throw new NotFoundException($"no sale with receipt '{receiptNumber}' on till '{tillId}' to refund");
            }

            saleId = r.GetInt64(0);
            customerValue = r.IsDBNull(1) ? null : r.GetInt64(1);
        }

        CustomerId? customer = customerValue is { } v ? new CustomerId(CustomerRows.Live(c, tx, v)) : null;
        if (Sql.Scalar<long?>(c, tx, "SELECT id FROM sales WHERE till_id = $t AND receipt_number = $r AND kind = 'refund'", ("$t", tillId), ("$r", receiptNumber)) is not null)
        {
            var balance = customer is { } cid ? Sql.Scalar<long>(c, tx, "SELECT points_balance FROM customers WHERE id = $id", ("$id", cid.Value)) : 0;
            return new RefundOutcome(tillId, receiptNumber, customer, true, Points.Zero, new Points(balance), []);
        }

        var refundAt = Sql.Time(at);
        var refundId = Sql.InsertReturningId(
            c,
            tx,
            "INSERT INTO sales (till_id, receipt_number, kind, customer_id, total_e4, currency, at, at_offset_minutes, refund_of) SELECT till_id, receipt_number, 'refund', customer_id, -total_e4, currency, $at, $off, id FROM sales WHERE id = $s",
            ("$at", refundAt),
            ("$off", (int)at.Offset.TotalMinutes),
            ("$s", saleId));

        // Coupons from the sale: void the unused ones; the used ones keep what they cost.
        var coupons = CouponRepository.ReadCoupons(c, tx, "WHERE sale_id = $s", now, ("$s", saleId));
        var voided = new List<string>();
        var redeemedBySource = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var coupon in coupons)
        {
            if (coupon.RedeemedAt is null)
            {
                if (coupon.VoidedAt is null)
                {
                    Sql.Execute(c, tx, "UPDATE coupons SET voided_at = $now WHERE code = $code", ("$now", Sql.Time(now)), ("$code", coupon.Code.Value));
                    voided.Add(coupon.Code.Value);
                }
            }
            else
            {
                redeemedBySource[coupon.Source] = redeemedBySource.GetValueOrDefault(coupon.Source) + 1;
            }
        }

        var customerChange = 0L;
        var ledger = new List<(long Customer, long Delta, string Reason)>();
        using (var cmd = Sql.Command(c, tx, "SELECT customer_id, delta, reason FROM ledger WHERE sale_id = $s", ("$s", saleId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ledger.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2)));
            }
        }

        var threshold = rules.PointsConversion?.Threshold ?? 0;
        foreach (var (recordedOwner, delta, reason) in ledger)
        {
            // Expiry settled what was owed before the sale; the sale being undone does not revive it.
            if (reason == ReasonName(LedgerReason.Expiry))
            {
                continue;
            }

            var owner = CustomerRows.Live(c, tx, recordedOwner);
            var reverse = -delta;
            if (reason == ReasonName(LedgerReason.Conversion) && threshold > 0)
            {
                reverse -= redeemedBySource.GetValueOrDefault("points") * threshold; // redeemed conversions stay spent
            }

            if (reverse == 0)
            {
                continue;
            }

            AddLedger(c, tx, new CustomerId(owner), refundId, new Points(reverse), LedgerReason.Refund, refundAt);
            Sql.Execute(c, tx, "UPDATE customers SET points_balance = points_balance + $d WHERE id = $id", ("$d", reverse), ("$id", owner));
            if (customerValue is { } saleOwner && CustomerRows.Live(c, tx, saleOwner) == owner)
            {
                customerChange += reverse;
            }
        }

        ReverseStamps(c, tx, saleId, refundId, refundAt, redeemedBySource);
        OutboxWriter.Refunded(c, tx, refundId, voided, now);
        var balanceAfter = customer is { } id ? Sql.Scalar<long>(c, tx, "SELECT points_balance FROM customers WHERE id = $id", ("$id", id.Value)) : 0;
        tx.Commit();
        return new RefundOutcome(tillId, receiptNumber, customer, false, new Points(customerChange), new Points(balanceAfter), voided);
    }

    internal static string ReasonName(LedgerReason reason) => reason switch
    {
        LedgerReason.WelcomeBack => "welcome-back",
        LedgerReason.RepeatVisit => "repeat-visit",
        _ => reason.ToString().ToLowerInvariant(),
    };

    internal static void AddLedger(SqliteConnection c, SqliteTransaction tx, CustomerId customer, long? saleId, Points delta, LedgerReason reason, string at) =>
        Sql.Execute(
            c,
            tx,
            "INSERT INTO ledger (customer_id, sale_id, delta, reason, at) VALUES ($c, $s, $d, $r, $at)",
            ("$c", customer.Value),
            ("$s", saleId),
            ("$d", delta.Value),
            ("$r", ReasonName(reason)),
            ("$at", at));

    /// <summary>
    /// Takes back the sale's stamps and gives back what its filled cards' coupons consumed, for the coupons not used.
    /// Rows from before the ledger (a 'completed' row per sale) and after it (a 'coupon' row per coupon) both count.
    /// A refund never puts a card into debt or deepens one: only two tills filling one card apart do that.
    /// </summary>
    private static void ReverseStamps(SqliteConnection c, SqliteTransaction tx, long saleId, long refundId, string at, Dictionary<string, int> redeemedBySource)
    {
        var events = new List<(long Customer, string Program, long Delta, string Reason)>();
        using (var cmd = Sql.Command(c, tx, "SELECT customer_id, program, delta, reason FROM stamp_events WHERE sale_id = $s OR coupon_code IN (SELECT code FROM coupons WHERE sale_id = $s)", ("$s", saleId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                events.Add((r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3)));
            }
        }

        foreach (var group in events.GroupBy(e => (Customer: CustomerRows.Live(c, tx, e.Customer), e.Program)))
        {
            var source = StampCardRule.CouponSourceFor(group.Key.Program);
            var added = group.Where(e => e.Reason == "stamp").Sum(e => e.Delta);
            var consumed = -group.Where(e => e.Reason is "completed" or "coupon").Sum(e => e.Delta);
            var completedCards = (int)Sql.Scalar<long>(c, tx, "SELECT COUNT(*) FROM coupons WHERE sale_id = $s AND source = $src", ("$s", saleId), ("$src", source));
            var boxes = completedCards == 0 ? 0 : consumed / completedCards;
            var keptCards = redeemedBySource.GetValueOrDefault(source);

            // Undo the stamps; give back the filled card's stamps only for coupons that were not used.
            var wanted = -added + ((completedCards - keptCards) * boxes);
            var current = StampRows.Sums(c, tx, new CustomerId(group.Key.Customer)).GetValueOrDefault(group.Key.Program);
            var delta = wanted >= 0 ? wanted : Math.Max(wanted, -Math.Max(current, 0));
            if (delta == 0)
            {
                continue;
            }

            StampRows.Add(c, tx, new CustomerId(group.Key.Customer), group.Key.Program, delta, "refund", at, refundId);
        }
    }

    private List<StampCardView> StampViews(SqliteConnection c, SqliteTransaction tx, CustomerId id) => StampRows.Views(c, tx, id, rules);
}
