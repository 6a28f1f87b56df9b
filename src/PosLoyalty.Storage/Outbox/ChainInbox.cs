using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Privacy;
using PosLoyalty.Storage.Stamps;

namespace PosLoyalty.Storage.Outbox;

/// <summary>
/// The pull side: other tills' events, stored by (till, seq) so a pull is idempotent, then applied to this file's
/// tables in the chain's order of arrival, each with its "applied" mark in the same transaction (a few share one). Applying writes
/// no outbox event: the change is already in the chain. An event that names a customer this till has not heard of
/// waits and is tried again at the next pull; a card another customer holds here stays with them (the pulled customer
/// is enrolled without it), and PostgreSQL's decision over it comes with <see cref="ReceiveCardConflicts"/>.
/// </summary>
public sealed class ChainInbox(LoyaltyDatabase database, TimeProvider time)
{
    private const string CompactionDueKey = "chain.compaction_due";
    private const string EventSavepoint = "pulled_event";

    /// <summary>How the problem of an event this till could not apply begins (chain status lists it).</summary>
    public const string CannotApply = "could not be applied here: ";

    private const int SqliteConstraint = 19; // SQLITE_CONSTRAINT
    private const int SqliteMismatch = 20;   // SQLITE_MISMATCH

    // How long one transaction of pulled events may hold the file's write lock before it commits.
    private static readonly TimeSpan ApplySlice = TimeSpan.FromMilliseconds(10);

    /// <summary>The last seq stored from each other till, by shop and till: where the next pull starts (chain_pull_cursors, kept with what was stored).</summary>
    public IReadOnlyDictionary<(string Shop, string Till), long> Cursors()
    {
        using var c = database.OpenConnection();
        using var cmd = Sql.Command(c, null, "SELECT shop_id, till_id, seq FROM chain_pull_cursors");
        using var r = cmd.ExecuteReader();
        var cursors = new Dictionary<(string Shop, string Till), long>();
        while (r.Read())
        {
            cursors[(r.GetString(0), r.GetString(1))] = r.GetInt64(2);
        }

        return cursors;
    }

    /// <summary>Stores the events (each till's in seq order, none skipped) and applies every one that can be. Returns how many were applied.</summary>
    public int Receive(IReadOnlyList<PulledEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = Sql.Time(time.GetUtcNow());
        int applied;
        bool compactionDue;
        using (var c = database.OpenConnection())
        {
            Store(c, events, now);
            applied = ApplyWaiting(c);
            compactionDue = Sql.Scalar<long>(c, null, "SELECT COUNT(*) FROM chain_state WHERE key = $k", ("$k", CompactionDueKey)) > 0;
        }

        if (compactionDue)
        {
            Compact();
        }

        return applied;
    }

    /// <summary>
    /// Makes this file's copy of PostgreSQL's card decisions equal to <paramref name="conflicts"/> (every row of
    /// card_conflicts), keeping those that name a customer this till knows, in one transaction; a row PostgreSQL no
    /// longer has (an erasure deletes the person's) goes here too. Only the masked card is kept. Writes nothing when
    /// nothing changed. Returns how many this file holds.
    /// </summary>
    public int ReceiveCardConflicts(IReadOnlyList<PulledCardConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var held = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = Sql.Command(c, tx, "SELECT claimant_event FROM chain_card_conflicts"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                held.Add(r.GetString(0));
            }
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in conflicts)
        {
            var key = k.ClaimantEvent.ToString();
            if (ChainCustomerIds.Local(c, tx, k.Holder.ToString()) is null && ChainCustomerIds.Local(c, tx, k.Claimant.ToString()) is null)
            {
                continue; // about no one this till knows
            }

            wanted.Add(key);
            if (held.Contains(key))
            {
                continue; // a decision never changes on PostgreSQL: the row here is still right
            }

            Sql.Execute(
                c,
                tx,
                "INSERT INTO chain_card_conflicts (claimant_event, masked_card, holder, holder_shop, holder_till, claimant, claimant_shop, claimant_till, found_at) VALUES ($e, $card, $h, $hs, $ht, $c, $cs, $ct, $at)",
                ("$e", key),
                ("$card", CardNumber.TryParse(k.Card, out var card, out _) ? card.Masked() : "****"),
                ("$h", k.Holder.ToString()),
                ("$hs", k.HolderShopId),
                ("$ht", k.HolderTillId),
                ("$c", k.Claimant.ToString()),
                ("$cs", k.ClaimantShopId),
                ("$ct", k.ClaimantTillId),
                ("$at", Sql.Time(k.FoundAt)));
        }

        foreach (var gone in held.Where(h => !wanted.Contains(h)))
        {
            Sql.Execute(c, tx, "DELETE FROM chain_card_conflicts WHERE claimant_event = $e", ("$e", gone));
        }

        tx.Commit();
        return wanted.Count;
    }

    /// <summary>
    /// Another till erased someone: as after an erasure here, no old page of the file or its WAL may keep them. The
    /// need is recorded in the erasure's own transaction and cleared only by a compaction that emptied the WAL, so one
    /// kept from finishing (a reader holding the WAL, the file busy) is done again at the next pull, not forgotten.
    /// </summary>
    private void Compact()
    {
        bool done;
        try
        {
            done = Erasure.Compact(database);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 5 /* SQLITE_BUSY */)
        {
            done = false;
        }

        if (done)
        {
            using var c = database.OpenConnection();
            Sql.Execute(c, null, "DELETE FROM chain_state WHERE key = $k", ("$k", CompactionDueKey));

            // That delete is the WAL's one frame, about a key: nothing of the person.
        }
    }

    private void MarkCompactionDue(SqliteConnection c, SqliteTransaction? tx) =>
        Sql.Execute(c, tx, "INSERT INTO chain_state (key, value) VALUES ($k, $v) ON CONFLICT (key) DO NOTHING", ("$k", CompactionDueKey), ("$v", Sql.Time(time.GetUtcNow())));

    private static void Store(SqliteConnection c, IReadOnlyList<PulledEvent> events, string now)
    {
        if (events.Count > 0)
        {
            using var tx = c.BeginTransaction(deferred: false);
            var cursors = new Dictionary<(string Shop, string Till), long>();
            var gaps = new HashSet<(string Shop, string Till)>();
            foreach (var e in events.OrderBy(e => e.Position))
            {
                var key = (e.ShopId, e.TillId);
                if (gaps.Contains(key))
                {
                    continue;
                }

                var last = cursors.TryGetValue(key, out var seen)
                    ? seen
                    : Sql.Scalar<long?>(c, tx, "SELECT seq FROM chain_pull_cursors WHERE shop_id = $shop AND till_id = $t", ("$shop", e.ShopId), ("$t", e.TillId)) ?? 0;
                cursors[key] = last;
                if (e.Seq <= last)
                {
                    continue; // pulled before
                }

                if (e.Seq != last + 1)
                {
                    // A gap means the till's earlier events are not visible yet; take them in order next time.
                    gaps.Add(key);
                    continue;
                }

                Sql.Execute(
                    c,
                    tx,
                    "INSERT INTO chain_pulled (event_id, shop_id, till_id, seq, position, kind, customer, payload, at, pulled_at) VALUES ($id, $shop, $t, $s, $p, $k, $c, $j, $at, $now) ON CONFLICT (event_id) DO NOTHING",
                    ("$id", e.EventId.ToString()),
                    ("$shop", e.ShopId),
                    ("$t", e.TillId),
                    ("$s", e.Seq),
                    ("$p", e.Position),
                    ("$k", e.Kind),
                    ("$c", e.Customer?.ToString()),
                    ("$j", e.PayloadJson),
                    ("$at", Sql.Time(e.At)),
                    ("$now", now));
                cursors[key] = e.Seq;
            }

            foreach (var ((shop, till), seq) in cursors.Where(k => k.Value > 0))
            {
                Sql.Execute(
                    c,
                    tx,
                    "INSERT INTO chain_pull_cursors (shop_id, till_id, seq) VALUES ($shop, $t, $s) ON CONFLICT (shop_id, till_id) DO UPDATE SET seq = excluded.seq WHERE excluded.seq > chain_pull_cursors.seq",
                    ("$shop", shop),
                    ("$t", till),
                    ("$s", seq));
            }

            tx.Commit();
        }
    }

    /// <summary>
    /// Applies what waits, in the chain's order; how many were applied. Events share a transaction until
    /// <see cref="ApplySlice"/> of applying has passed, then it commits and the next begins: one fsync per slice,
    /// not per event (a till that pulls 49 others' sales would otherwise sync its disk a thousand times a second),
    /// while the till's own sale never waits behind the write lock for longer than one slice. An event whose content
    /// cannot be applied here stays unapplied with its reason (<see cref="CannotApply"/>) and is tried again at each
    /// pull; any other failure rolls back only the open slice, whose events are tried again at the next pull.
    /// </summary>
    private int ApplyWaiting(SqliteConnection c)
    {
        var waiting = new List<(string EventId, string Kind, string Payload, string At, string Shop, string Till)>();
        using (var cmd = Sql.Command(c, null, "SELECT event_id, kind, payload, at, shop_id, till_id FROM chain_pulled WHERE applied_at IS NULL ORDER BY position"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                waiting.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? "{}" : r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)));
            }
        }

        var applied = 0;
        var pending = 0;
        SqliteTransaction? tx = null;
        var sliceStarted = 0L;
        try
        {
            foreach (var (eventId, kind, payloadText, at, shop, till) in waiting)
            {
                if (tx is null)
                {
                    tx = c.BeginTransaction(deferred: false);
                    sliceStarted = time.GetTimestamp();
                }

                // Each event in a savepoint of the slice: one whose payload this till cannot apply is rolled back on its
                // own and left waiting with the reason, and the events after it still apply. Without this, one such event
                // failed every round from then on, and nothing later from any till was applied here again.
                tx.Save(EventSavepoint);
                try
                {
                    if (ApplyOne(c, tx, eventId, kind, payloadText, at, shop, till))
                    {
                        pending++;
                    }

                    tx.Release(EventSavepoint);
                }
                catch (Exception ex) when (IsFaultOfTheEvent(ex))
                {
                    tx.Rollback(EventSavepoint);
                    tx.Release(EventSavepoint);
                    Sql.Execute(c, tx, "UPDATE chain_pulled SET problem = $p WHERE event_id = $id", ("$p", $"{CannotApply}{ex.GetType().Name}: {ex.Message}"), ("$id", eventId));
                }

                if (time.GetElapsedTime(sliceStarted) >= ApplySlice)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = null;
                    applied += pending;
                    pending = 0;
                }
            }

            if (tx is not null)
            {
                tx.Commit();
                applied += pending;
            }
        }
        finally
        {
            tx?.Dispose(); // uncommitted: rolled back
        }

        return applied;
    }

    /// <summary>
    /// What an event's own content causes, not the disk or the file: a payload that does not parse, a field missing
    /// or of the wrong type (the readers below take required fields with <c>!</c>), or a row SQLite's constraints
    /// refuse. Anything else (busy, I/O, a full disk) fails the round as before and is retried whole.
    /// </summary>
    private static bool IsFaultOfTheEvent(Exception ex) =>
        ex is System.Text.Json.JsonException or FormatException or InvalidOperationException or InvalidCastException
            or KeyNotFoundException or ArgumentException or NullReferenceException or OverflowException
            or SqliteException { SqliteErrorCode: SqliteConstraint or SqliteMismatch };

    /// <summary>Applies one event inside <paramref name="tx"/> and marks it; false when it waits for a later pull.</summary>
    private bool ApplyOne(SqliteConnection c, SqliteTransaction tx, string eventId, string kind, string payloadText, string at, string shop, string till)
    {
        var payload = JsonNode.Parse(payloadText)?.AsObject() ?? [];
        var problem = kind is ChainEventKinds.CouponIssued or ChainEventKinds.CouponRedeemed or ChainEventKinds.CouponVoided
            ? ApplyCoupon(c, tx, kind, payload, shop + "/" + till, eventId)
            : Apply(c, tx, kind, payload, at, shop, eventId, shop + "/" + till);
        if (problem is { Waits: true })
        {
            Sql.Execute(c, tx, "UPDATE chain_pulled SET problem = $p WHERE event_id = $id", ("$p", problem.Value.Text), ("$id", eventId));
            return false;
        }

        if (kind == ChainEventKinds.CustomerErased && problem is null)
        {
            MarkCompactionDue(c, tx);
        }

        Sql.Execute(
            c,
            tx,
            "UPDATE chain_pulled SET applied_at = $now, payload = NULL, problem = $p WHERE event_id = $id",
            ("$now", Sql.Time(time.GetUtcNow())),
            ("$p", problem?.Text),
            ("$id", eventId));
        return true;
    }

    /// <summary>Null when applied; otherwise why not, and whether a later pull may still apply it.</summary>
    private static (string Text, bool Waits)? Apply(SqliteConnection c, SqliteTransaction tx, string kind, JsonObject p, string at, string shop, string eventId, string sender)
    {
        switch (kind)
        {
            case ChainEventKinds.CustomerEnrolled:
                return Enrol(c, tx, p, eventId, sender);
            case ChainEventKinds.CustomerEdited:
            case ChainEventKinds.CardReplaced:
            case ChainEventKinds.NoteAdded:
            case ChainEventKinds.PointsAdjusted:
            case ChainEventKinds.CustomerErased:
                if (Customer(c, tx, p) is not { } customer)
                {
                    return ("customer unknown here yet", true);
                }

                if (kind is ChainEventKinds.CustomerEdited or ChainEventKinds.NoteAdded or ChainEventKinds.CardReplaced && (IsRedacted(p) || IsErased(c, tx, customer)))
                {
                    return null; // the person's details, erased since: nothing is left of it to apply (points still are)
                }

                ApplyToCustomer(c, tx, kind, customer, p, at);
                return null;
            case ChainEventKinds.SaleRecorded:
            case ChainEventKinds.SaleRefunded:
                return ApplySale(c, tx, kind, p, shop, eventId);
            case ChainEventKinds.CustomersMerged:
                return Merge(c, tx, p, at);
            default:
                // Coupon events are applied by ApplyCoupon; a kind this version does not know is left as applied.
                return null;
        }
    }

    /// <summary>
    /// Another till's coupon, stored under "shop/till" (so it is not one issued here, for Chain:OfflineRedemption),
    /// and what became of it: redeemed or voided there. PostgreSQL decides redemptions; this is what the file shows.
    /// A filled stamp card's coupon brings the stamps it consumed there.
    /// </summary>
    private static (string Text, bool Waits)? ApplyCoupon(SqliteConnection c, SqliteTransaction tx, string kind, JsonObject p, string issuer, string eventId)
    {
        var code = Text(p, "code")!;
        var known = Sql.Scalar<long>(c, tx, "SELECT COUNT(*) FROM coupons WHERE code = $code", ("$code", code)) > 0;
        if (kind != ChainEventKinds.CouponIssued)
        {
            if (!known)
            {
                return ("coupon unknown here yet", true);
            }

            var column = kind == ChainEventKinds.CouponRedeemed ? "redeemed_at" : "voided_at";
            var at = Text(p, kind == ChainEventKinds.CouponRedeemed ? "redeemedAt" : "voidedAt");
            Sql.Execute(c, tx, $"UPDATE coupons SET {column} = $at WHERE code = $code AND {column} IS NULL", ("$at", at), ("$code", code));
            return null;
        }

        if (known)
        {
            return null;
        }

        CustomerId? customer = null;
        var stamps = p["stamps"]?.AsArray();
        if ((Text(p, "customer") is not null && (customer = Customer(c, tx, p)) is null) || StampRows.UnknownCustomer(c, tx, stamps, eventId) is not null)
        {
            return ("customer unknown here yet", true);
        }

        Sql.Execute(
            c,
            tx,
            "INSERT INTO coupons (code, customer_id, sale_id, source, reward, value_e4, currency, issued_at, expires_at, redeemed_at, voided_at, till_id) VALUES ($code, $cid, NULL, $src, $reward, $v, $cur, $at, $exp, $r, $vd, $till)",
            ("$code", code),
            ("$cid", customer?.Value),
            ("$src", Text(p, "source")),
            ("$reward", Text(p, "reward")),
            ("$v", p["valueE4"]?.GetValue<long>()),
            ("$cur", Text(p, "currency")),
            ("$at", Text(p, "issuedAt")),
            ("$exp", Text(p, "expiresAt")),
            ("$r", Text(p, "redeemedAt")),
            ("$vd", Text(p, "voidedAt")),
            ("$till", issuer));
        StampRows.AddPulled(c, tx, stamps, eventId, issuer, Text(p, "issuedAt")!, null, code);

        // Issued by a till that had not heard of the customer's erasure yet: void here, as the erasure voided the
        // person's other coupons (a merged duplicate's erased_at is its merge, which voids nothing).
        Sql.Execute(
            c,
            tx,
            "UPDATE coupons SET voided_at = (SELECT erased_at FROM customers WHERE id = $cid) WHERE code = $code AND redeemed_at IS NULL AND voided_at IS NULL AND EXISTS (SELECT 1 FROM customers WHERE id = $cid AND erased_at IS NOT NULL AND merged_into IS NULL)",
            ("$cid", customer?.Value),
            ("$code", code));
        return null;
    }

    private static (string Text, bool Waits)? Enrol(SqliteConnection c, SqliteTransaction tx, JsonObject p, string eventId, string sender)
    {
        var chainId = Text(p, "customer")!;
        if (ChainCustomerIds.Local(c, tx, chainId) is not null)
        {
            return null;
        }

        // Two tills enrolled the same card: the customer is still enrolled here, without the card another customer
        // holds, so that `customers merge` can fold one into the other at any till (docs/chain.md). The note is the
        // pulled event's history; the conflict to review is PostgreSQL's row, pulled by ReceiveCardConflicts.
        (string Text, bool Waits)? conflict = null;
        var cards = new List<JsonObject>();
        foreach (var card in p["cards"]?.AsArray() ?? [])
        {
            var number = Text(card!.AsObject(), "card")!;
            if (Sql.Scalar<long?>(c, tx, "SELECT customer_id FROM cards WHERE card_number = $card", ("$card", number)) is { } holder)
            {
                conflict ??= ($"conflict: card {CardNumber.Parse(number).Masked()} already belongs to customer {holder.ToString(CultureInfo.InvariantCulture)} here", false);
                continue;
            }

            cards.Add(card.AsObject());
        }

        var opening = p["openingPoints"]?.GetValue<long>() ?? 0;
        if (IsRedacted(p))
        {
            // Erased before this till heard of them: the customer exists for the points and sales that follow, with
            // nothing of the person; the erasure event that follows marks them erased.
            p["name"] = "(erased)";
        }

        var id = Sql.InsertReturningId(
            c,
            tx,
            "INSERT INTO customers (display_name, greeting, birthday, anniversary, phone, email, consent_marketing, consent_changed_at, enrolled_at, points_balance) VALUES ($n, $g, $b, $a, $p, $e, $cm, $cat, $at, $pts)",
            [.. PersonFields(p), ("$at", Text(p, "enrolledAt")), ("$pts", opening)]);
        Sql.Execute(c, tx, "INSERT INTO chain_customers (customer_id, chain_id) VALUES ($c, $g)", ("$c", id), ("$g", chainId));
        foreach (var o in cards)
        {
            Sql.Execute(c, tx, "INSERT INTO cards (card_number, customer_id, issued_at, replaced_at) VALUES ($card, $id, $at, $r)", ("$card", Text(o, "card")), ("$id", id), ("$at", Text(o, "issuedAt")), ("$r", Text(o, "replacedAt")));
        }

        foreach (var note in p["notes"]?.AsArray() ?? [])
        {
            InsertNote(c, tx, new CustomerId(id), note!.AsObject());
        }

        if (opening != 0)
        {
            Sql.Execute(c, tx, "INSERT INTO ledger (customer_id, sale_id, delta, reason, at) VALUES ($id, NULL, $d, 'opening', $at)", ("$id", id), ("$d", opening), ("$at", Text(p, "enrolledAt")));
        }

        // The card's pre-stamped boxes, given once at the till that enrolled them: every till then sums the same rows.
        StampRows.AddPulled(c, tx, p["openingStamps"]?.AsArray(), eventId, sender, Text(p, "enrolledAt")!, null, null);
        return conflict;
    }

    /// <summary>Another till's `customers merge`, applied here exactly as a local merge is (PrivacyRequests.FoldInto).</summary>
    private static (string Text, bool Waits)? Merge(SqliteConnection c, SqliteTransaction tx, JsonObject p, string at)
    {
        if (Customer(c, tx, p) is not { } keep || Text(p, "duplicate") is not { } dupChainId || ChainCustomerIds.Local(c, tx, dupChainId) is not { } duplicate)
        {
            return ("customer unknown here yet", true);
        }

        if (keep == duplicate || Sql.Scalar<long?>(c, tx, "SELECT merged_into FROM customers WHERE id = $id", ("$id", duplicate.Value)) is not null)
        {
            return null; // merged here already
        }

        var now = Sql.ParseTime(at);
        Privacy.PrivacyRequests.FoldInto(c, tx, keep, duplicate, now);
        Audit.Write(c, tx, now, "merge", keep, $"customer {duplicate} merged into {keep} at another till", allowed: true);
        return null;
    }

    private static void ApplyToCustomer(SqliteConnection c, SqliteTransaction tx, string kind, CustomerId customer, JsonObject p, string at)
    {
        switch (kind)
        {
            case ChainEventKinds.CustomerEdited:
                Sql.Execute(
                    c,
                    tx,
                    "UPDATE customers SET display_name = $n, greeting = $g, birthday = $b, anniversary = $a, phone = $p, email = $e, consent_marketing = $cm, consent_changed_at = $cat WHERE id = $id AND erased_at IS NULL",
                    [.. PersonFields(p), ("$id", customer.Value)]);
                break;
            case ChainEventKinds.CardReplaced:
                var card = Text(p, "card")!;
                if (Sql.Scalar<long?>(c, tx, "SELECT customer_id FROM cards WHERE card_number = $card", ("$card", card)) is null)
                {
                    Sql.Execute(c, tx, "UPDATE cards SET replaced_at = $at WHERE customer_id = $id AND replaced_at IS NULL", ("$at", at), ("$id", customer.Value));
                    Sql.Execute(c, tx, "INSERT INTO cards (card_number, customer_id, issued_at) VALUES ($card, $id, $at)", ("$card", card), ("$id", customer.Value), ("$at", at));
                }

                break;
            case ChainEventKinds.NoteAdded:
                InsertNote(c, tx, customer, p);
                break;
            case ChainEventKinds.PointsAdjusted:
                var delta = p["delta"]!.GetValue<long>();
                Sql.Execute(c, tx, "INSERT INTO ledger (customer_id, sale_id, delta, reason, at) VALUES ($id, NULL, $d, 'adjustment', $at)", ("$id", customer.Value), ("$d", delta), ("$at", at));
                Sql.Execute(c, tx, "UPDATE customers SET points_balance = points_balance + $d WHERE id = $id", ("$d", delta), ("$id", customer.Value));
                break;
            case ChainEventKinds.CustomerErased:
                // As an erasure asked for here, and this till's own events about them not pushed yet lose the person
                // too. The compaction that rewrites the file follows once the pull is applied.
                var erasedAt = Sql.ParseTime(at);
                Erasure.ErasePerson(c, tx, customer, erasedAt);
                OutboxWriter.RedactUnpushed(c, tx, Text(p, "customer")!);
                Audit.Write(c, tx, erasedAt, "erase", customer, "personal data erased at another till of the chain", allowed: true);
                break;
        }
    }

    private static (string Text, bool Waits)? ApplySale(SqliteConnection c, SqliteTransaction tx, string kind, JsonObject p, string shop, string eventId)
    {
        var ledger = new List<(CustomerId Customer, long Delta, string Reason)>();
        foreach (var entry in p["ledger"]?.AsArray() ?? [])
        {
            var o = entry!.AsObject();
            if (ChainCustomerIds.Local(c, tx, Text(o, "customer")!) is not { } owner)
            {
                return ("customer unknown here yet", true);
            }

            ledger.Add((owner, o["delta"]!.GetValue<long>(), Text(o, "reason")!));
        }

        var stamps = p["stamps"]?.AsArray();
        if (StampRows.UnknownCustomer(c, tx, stamps, eventId) is not null)
        {
            return ("customer unknown here yet", true);
        }

        CustomerId? customer = null;
        if (Text(p, "customer") is not null)
        {
            customer = Customer(c, tx, p);
            if (customer is null)
            {
                return ("customer unknown here yet", true);
            }
        }

        var till = shop + "/" + Text(p, "till");
        var receipt = Text(p, "receipt")!;
        var isRefund = kind == ChainEventKinds.SaleRefunded;
        var at = Text(p, "at")!;
        long? refundOf = null;
        if (isRefund)
        {
            refundOf = Sql.Scalar<long?>(c, tx, "SELECT id FROM sales WHERE till_id = $t AND receipt_number = $r AND kind = 'sale'", ("$t", till), ("$r", receipt));
            if (refundOf is null)
            {
                return ("the refunded sale is not here yet", true);
            }
        }

        var inserted = Sql.Execute(
            c,
            tx,
            "INSERT INTO sales (till_id, receipt_number, kind, customer_id, total_e4, currency, at, at_offset_minutes, refund_of, source) VALUES ($t, $r, $k, $c, $total, $cur, $at, $off, $of, 'chain') ON CONFLICT (till_id, receipt_number, kind) DO NOTHING",
            ("$t", till),
            ("$r", receipt),
            ("$k", isRefund ? "refund" : "sale"),
            ("$c", customer?.Value),
            ("$total", p["totalE4"]!.GetValue<long>()),
            ("$cur", Text(p, "currency")),
            ("$at", at),
            ("$off", p["offsetMinutes"]?.GetValue<long>() ?? 0),
            ("$of", refundOf));
        if (inserted == 0)
        {
            return null; // this till already has it
        }

        var saleId = Sql.Scalar<long>(c, tx, "SELECT id FROM sales WHERE till_id = $t AND receipt_number = $r AND kind = $k", ("$t", till), ("$r", receipt), ("$k", isRefund ? "refund" : "sale"));
        foreach (var (owner, delta, reason) in ledger)
        {
            Sql.Execute(c, tx, "INSERT INTO ledger (customer_id, sale_id, delta, reason, at) VALUES ($c, $s, $d, $r, $at)", ("$c", owner.Value), ("$s", saleId), ("$d", delta), ("$r", reason), ("$at", at));
            Sql.Execute(c, tx, "UPDATE customers SET points_balance = points_balance + $d WHERE id = $id", ("$d", delta), ("$id", owner.Value));
        }

        StampRows.AddPulled(c, tx, stamps, eventId, till, at, saleId, null);
        if (!isRefund && customer is { } buyer)
        {
            Sql.Execute(
                c,
                tx,
                "UPDATE customers SET visit_count = visit_count + 1, last_visit_at = CASE WHEN last_visit_at IS NULL OR last_visit_at < $at THEN $at ELSE last_visit_at END WHERE id = $id",
                ("$at", at),
                ("$id", buyer.Value));
        }

        return null;
    }

    private static void InsertNote(SqliteConnection c, SqliteTransaction tx, CustomerId customer, JsonObject note) =>
        Sql.Execute(
            c,
            tx,
            "INSERT INTO notes (customer_id, text, pinned, follow_up, kind, created_at) VALUES ($id, $t, $p, $f, $k, $at)",
            ("$id", customer.Value),
            ("$t", Text(note, "text")),
            ("$p", note["pinned"]?.GetValue<bool>() == true ? 1 : 0),
            ("$f", note["followUp"]?.GetValue<bool>() == true ? 1 : 0),
            ("$k", Text(note, "kind") ?? "note"),
            ("$at", Text(note, "createdAt")));

    /// <summary>The customer's own fields as an enrolment or an edit carries them, as SQL parameters $n … $cat.</summary>
    private static (string Name, object? Value)[] PersonFields(JsonObject p) =>
    [
        ("$n", Text(p, "name") ?? "(unnamed)"),
        ("$g", Text(p, "greeting")),
        ("$b", Text(p, "birthday")),
        ("$a", Text(p, "anniversary")),
        ("$p", Text(p, "phone")),
        ("$e", Text(p, "email")),
        ("$cm", p["consentMarketing"]?.GetValue<bool>() == true ? 1 : 0),
        ("$cat", Text(p, "consentChangedAt")),
    ];

    /// <summary>Stripped of the person's fields by an erasure (<see cref="ChainErasureFields"/>).</summary>
    private static bool IsRedacted(JsonObject p) => p[ChainErasureFields.RedactedKey] is not null;

    private static bool IsErased(SqliteConnection c, SqliteTransaction tx, CustomerId customer) =>
        Sql.Scalar<long>(c, tx, "SELECT COUNT(*) FROM customers WHERE id = $id AND erased_at IS NOT NULL", ("$id", customer.Value)) > 0;

    private static CustomerId? Customer(SqliteConnection c, SqliteTransaction tx, JsonObject p) =>
        Text(p, "customer") is { } chainId ? ChainCustomerIds.Local(c, tx, chainId) : null;

    private static string? Text(JsonObject o, string name) => o[name]?.GetValue<string>();
}
