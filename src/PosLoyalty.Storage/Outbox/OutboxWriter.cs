using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Stamps;

namespace PosLoyalty.Storage.Outbox;

/// <summary>
/// Writes one event per change into chain_outbox, inside the caller's transaction: the change and its event commit
/// together or not at all (docs/adr/0014). Each method reads what it reports from the rows the change just wrote,
/// so a repository adds one call and no payload code. Nothing here is pushed anywhere: ChainSync does that.
/// </summary>
internal static class OutboxWriter
{
    public static void Enrolled(SqliteConnection c, SqliteTransaction tx, CustomerId customer, DateTimeOffset at) =>
        AppendEnrolment(c, tx, customer, at, "customer_id = $c AND reason = 'opening'", "customer_id = $k AND reason = 'enrolment'");

    /// <summary>
    /// SQLite step 10: every live customer this file held before it had an outbox (enrolled under a version older than
    /// step 5, so no event ever announced them to other tills) gets one enrolment event, carrying what they have now:
    /// the balance as opening points and every stamp row. A customer enrolled since step 5 has a chain id from their
    /// enrolment event, a pulled one from the till that enrolled them, so only the unannounced have none. Merged-away
    /// and erased customers are left out. Returns how many were announced.
    /// </summary>
    public static int AnnounceCustomersFromBeforeTheOutbox(SqliteConnection c, SqliteTransaction tx)
    {
        var ids = new List<long>();
        using (var cmd = Sql.Command(c, tx, "SELECT id FROM customers WHERE merged_into IS NULL AND erased_at IS NULL AND id NOT IN (SELECT customer_id FROM chain_customers) ORDER BY id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(r.GetInt64(0));
            }
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        // A migration has no TimeProvider: the moment is SQLite's own, as step 6's 'migrated' stamp rows took it.
        var at = Sql.ParseTime(Sql.Scalar<string>(c, tx, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")!);
        foreach (var id in ids)
        {
            AppendEnrolment(c, tx, new CustomerId(id), at, "customer_id = $c", "customer_id = $k");
        }

        return ids.Count;
    }

    /// <summary>An enrolment: the person, their cards and notes, the ledger rows <paramref name="pointsWhere"/> picks summed as opening points, and the stamp rows <paramref name="stampsWhere"/> picks.</summary>
    private static void AppendEnrolment(SqliteConnection c, SqliteTransaction tx, CustomerId customer, DateTimeOffset at, string pointsWhere, string stampsWhere)
    {
        var payload = CustomerSnapshot(c, tx, customer);
        payload["cards"] = Cards(c, tx, customer);
        payload["notes"] = Notes(c, tx, customer);
        payload["openingPoints"] = Sql.Scalar<long>(c, tx, $"SELECT COALESCE(SUM(delta), 0) FROM ledger WHERE {pointsWhere}", ("$c", customer.Value));
        payload["openingStamps"] = StampRows.Json(c, tx, stampsWhere, customer.Value, at);
        Append(c, tx, ChainEventKinds.CustomerEnrolled, customer, payload, at);
    }

    public static void Edited(SqliteConnection c, SqliteTransaction tx, CustomerId customer, DateTimeOffset at) =>
        Append(c, tx, ChainEventKinds.CustomerEdited, customer, CustomerSnapshot(c, tx, customer), at);

    public static void CardReplaced(SqliteConnection c, SqliteTransaction tx, CustomerId customer, CardNumber newCard, DateTimeOffset at) =>
        Append(c, tx, ChainEventKinds.CardReplaced, customer, new JsonObject { ["card"] = newCard.Value }, at);

    public static void NoteAdded(SqliteConnection c, SqliteTransaction tx, CustomerId customer, DateTimeOffset at)
    {
        using var cmd = Sql.Command(c, tx, "SELECT text, pinned, follow_up, kind, created_at FROM notes WHERE customer_id = $c ORDER BY id DESC LIMIT 1", ("$c", customer.Value));
        using var r = cmd.ExecuteReader();
        r.Read();
        Append(c, tx, ChainEventKinds.NoteAdded, customer, NoteJson(r), at);
    }

    /// <summary>
    /// A sale attributed to a customer: the sale, every ledger row it wrote (a referrer's bonus too) and its stamps. What
    /// its filled cards' coupons consumed travels with each coupon's own event.
    /// </summary>
    public static void SaleRecorded(SqliteConnection c, SqliteTransaction tx, long saleId, DateTimeOffset at)
    {
        var (payload, customer) = SaleJson(c, tx, saleId, at);
        payload["stamps"] = StampRows.Json(c, tx, "sale_id = $k AND coupon_code IS NULL", saleId, at);
        payload["coupons"] = new JsonArray([.. Codes(c, tx, "SELECT code FROM coupons WHERE sale_id = $s ORDER BY code", saleId)]);
        Append(c, tx, ChainEventKinds.SaleRecorded, customer, payload, at);
    }

    /// <summary>A refund: its row (the sale's till and receipt), the ledger and stamp rows that reverse the sale's, the coupons voided.</summary>
    public static void Refunded(SqliteConnection c, SqliteTransaction tx, long refundId, IReadOnlyList<string> voidedCoupons, DateTimeOffset at)
    {
        var (payload, customer) = SaleJson(c, tx, refundId, at);
        payload["stamps"] = StampRows.Json(c, tx, "sale_id = $k AND coupon_code IS NULL", refundId, at);
        payload["voidedCoupons"] = new JsonArray([.. voidedCoupons.Select(code => (JsonNode)code)]);
        Append(c, tx, ChainEventKinds.SaleRefunded, customer, payload, at);
    }

    /// <summary>A coupon issued; a filled stamp card's carries the stamps it consumed (its rows, written just before).</summary>
    public static void CouponIssued(SqliteConnection c, SqliteTransaction tx, string code, DateTimeOffset at) =>
        CouponEvent(c, tx, ChainEventKinds.CouponIssued, code, at, StampRows.Json(c, tx, "coupon_code = $k", code, at));

    public static void CouponRedeemed(SqliteConnection c, SqliteTransaction tx, string code, DateTimeOffset at) =>
        CouponEvent(c, tx, ChainEventKinds.CouponRedeemed, code, at);

    public static void CouponVoided(SqliteConnection c, SqliteTransaction tx, string code, DateTimeOffset at) =>
        CouponEvent(c, tx, ChainEventKinds.CouponVoided, code, at);

    /// <summary>A manual adjustment. The manager's reason stays in the local audit log: it is free text.</summary>
    public static void PointsAdjusted(SqliteConnection c, SqliteTransaction tx, CustomerId customer, Points delta, DateTimeOffset at) =>
        Append(c, tx, ChainEventKinds.PointsAdjusted, customer, new JsonObject { ["delta"] = delta.Value }, at);

    public static void Merged(SqliteConnection c, SqliteTransaction tx, CustomerId keep, CustomerId duplicate, DateTimeOffset at) =>
        Append(c, tx, ChainEventKinds.CustomersMerged, keep, new JsonObject { ["duplicate"] = ChainCustomerIds.For(c, tx, duplicate, at) }, at);

    /// <summary>
    /// An erasure names the customer and nothing else. Events about them that are still waiting to be pushed lose
    /// their personal fields here, in the erasure's transaction, so the file keeps no copy of what was erased.
    /// </summary>
    public static void Erased(SqliteConnection c, SqliteTransaction tx, CustomerId customer, DateTimeOffset at)
    {
        var chainId = ChainCustomerIds.For(c, tx, customer, at);
        RedactUnpushed(c, tx, chainId);
        Sql.Execute(c, tx, "UPDATE chain_pulled SET payload = NULL, applied_at = $at, problem = 'customer erased here' WHERE customer = $g AND applied_at IS NULL", ("$g", chainId), ("$at", Sql.Time(at)));
        Append(c, tx, ChainEventKinds.CustomerErased, customer, [], at);
    }

    /// <summary>
    /// Strips the person's fields from this till's events about them not pushed yet, keeping each event's shape (the
    /// customer it names, its times, opening points) and marking it "redacted": the other tills still learn that the
    /// customer exists, so their points add up, and nothing about who they were. PostgreSQL redacts the same fields
    /// (ChainErasureSchema in PosLoyalty.Chain); the two lists are one: <see cref="ChainErasureFields"/>.
    /// </summary>
    public static void RedactUnpushed(SqliteConnection c, SqliteTransaction tx, string chainId) =>
        Sql.Execute(
            c,
            tx,
            $"UPDATE chain_outbox SET payload = json_set(json_remove(payload, {string.Join(", ", ChainErasureFields.Personal.Select(f => $"'$.{f}'"))}), '$.redacted', json('true')) WHERE customer = $g AND pushed_at IS NULL AND payload IS NOT NULL AND kind IN ({string.Join(", ", ChainErasureFields.Kinds.Select(k => $"'{k}'"))})",
            ("$g", chainId));

    private static void Append(SqliteConnection c, SqliteTransaction tx, string kind, CustomerId? customer, JsonObject payload, DateTimeOffset at)
    {
        var chainCustomer = customer is { } id ? ChainCustomerIds.For(c, tx, id, at) : null;
        if (chainCustomer is not null)
        {
            payload["customer"] = chainCustomer;
        }

        Sql.Execute(
            c,
            tx,
            "INSERT INTO chain_outbox (event_id, kind, customer, payload, at) VALUES ($id, $k, $c, $p, $at)",
            ("$id", Guid.CreateVersion7(at).ToString()),
            ("$k", kind),
            ("$c", chainCustomer),
            ("$p", payload.ToJsonString()),
            ("$at", Sql.Time(at)));
    }

    private static JsonObject CustomerSnapshot(SqliteConnection c, SqliteTransaction tx, CustomerId customer)
    {
        using var cmd = Sql.Command(c, tx, "SELECT display_name, greeting, birthday, anniversary, phone, email, consent_marketing, consent_changed_at, enrolled_at FROM customers WHERE id = $c", ("$c", customer.Value));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            throw new NotFoundException($"customer {customer} does not exist");
        }

        return new JsonObject
        {
            ["name"] = r.GetString(0),
            ["greeting"] = Sql.StringOrNull(r, 1),
            ["birthday"] = Sql.StringOrNull(r, 2),
            ["anniversary"] = Sql.StringOrNull(r, 3),
            ["phone"] = Sql.StringOrNull(r, 4),
            ["email"] = Sql.StringOrNull(r, 5),
            ["consentMarketing"] = r.GetInt64(6) != 0,
            ["consentChangedAt"] = Sql.StringOrNull(r, 7),
            ["enrolledAt"] = r.GetString(8),
        };
    }

    private static JsonArray Cards(SqliteConnection c, SqliteTransaction tx, CustomerId customer)
    {
        var cards = new JsonArray();
        using var cmd = Sql.Command(c, tx, "SELECT card_number, issued_at, replaced_at FROM cards WHERE customer_id = $c ORDER BY issued_at", ("$c", customer.Value));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            cards.Add(new JsonObject { ["card"] = r.GetString(0), ["issuedAt"] = r.GetString(1), ["replacedAt"] = Sql.StringOrNull(r, 2) });
        }

        return cards;
    }

    private static JsonArray Notes(SqliteConnection c, SqliteTransaction tx, CustomerId customer)
    {
        var notes = new JsonArray();
        using var cmd = Sql.Command(c, tx, "SELECT text, pinned, follow_up, kind, created_at FROM notes WHERE customer_id = $c ORDER BY id", ("$c", customer.Value));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            notes.Add(NoteJson(r));
        }

        return notes;
    }

    private static JsonObject NoteJson(SqliteDataReader r) => new()
    {
        ["text"] = r.GetString(0),
        ["pinned"] = r.GetInt64(1) != 0,
        ["followUp"] = r.GetInt64(2) != 0,
        ["kind"] = r.GetString(3),
        ["createdAt"] = r.GetString(4),
    };

    private static (JsonObject Payload, CustomerId? Customer) SaleJson(SqliteConnection c, SqliteTransaction tx, long saleId, DateTimeOffset at)
    {
        JsonObject payload;
        CustomerId? customer;
        using (var cmd = Sql.Command(c, tx, "SELECT till_id, receipt_number, customer_id, total_e4, currency, at, at_offset_minutes FROM sales WHERE id = $s", ("$s", saleId)))
        using (var r = cmd.ExecuteReader())
        {
            r.Read();
            customer = r.IsDBNull(2) ? null : new CustomerId(r.GetInt64(2));
            payload = new JsonObject
            {
                ["till"] = r.GetString(0),
                ["receipt"] = r.GetString(1),
                ["totalE4"] = r.GetInt64(3),
                ["currency"] = r.GetString(4),
                ["at"] = r.GetString(5),
                ["offsetMinutes"] = r.GetInt64(6),
            };
        }

        var ledger = new List<(long Customer, long Delta, string Reason)>();
        using (var cmd = Sql.Command(c, tx, "SELECT customer_id, delta, reason FROM ledger WHERE sale_id = $s ORDER BY id", ("$s", saleId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ledger.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2)));
            }
        }

        payload["ledger"] = new JsonArray([.. ledger.Select(e => (JsonNode)new JsonObject
        {
            ["customer"] = ChainCustomerIds.For(c, tx, new CustomerId(e.Customer), at),
            ["delta"] = e.Delta,
            ["reason"] = e.Reason,
        })]);
        return (payload, customer);
    }

    private static void CouponEvent(SqliteConnection c, SqliteTransaction tx, string kind, string code, DateTimeOffset at, JsonArray? stamps = null)
    {
        using var cmd = Sql.Command(c, tx, "SELECT customer_id, source, reward, value_e4, currency, issued_at, expires_at, redeemed_at, voided_at FROM coupons WHERE code = $code", ("$code", code));
        using var r = cmd.ExecuteReader();
        r.Read();
        var customer = r.IsDBNull(0) ? (CustomerId?)null : new CustomerId(r.GetInt64(0));
        var payload = new JsonObject
        {
            ["code"] = code,
            ["source"] = r.GetString(1),
            ["reward"] = r.GetString(2),
            ["valueE4"] = r.IsDBNull(3) ? null : r.GetInt64(3),
            ["currency"] = Sql.StringOrNull(r, 4),
            ["issuedAt"] = r.GetString(5),
            ["expiresAt"] = r.GetString(6),
            ["redeemedAt"] = Sql.StringOrNull(r, 7),
            ["voidedAt"] = Sql.StringOrNull(r, 8),
        };
        r.Close();
        if (stamps is { Count: > 0 })
        {
            payload["stamps"] = stamps;
        }

        Append(c, tx, kind, customer, payload, at);
    }

    private static IEnumerable<JsonNode> Codes(SqliteConnection c, SqliteTransaction tx, string sql, long saleId)
    {
        var codes = new List<JsonNode>();
        using var cmd = Sql.Command(c, tx, sql, ("$s", saleId));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            codes.Add(r.GetString(0));
        }

        return codes;
    }
}
