using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Sales;
using PosLoyalty.Storage.Stamps;

namespace PosLoyalty.Storage.Privacy;

/// <summary>Export, erasure and merging of duplicates: the privacy side of the customer record.</summary>
public sealed class PrivacyRequests(LoyaltyDatabase database, TimeProvider time)
{
    public CustomerExport Export(CustomerId id)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var row = CustomerRows.Load(c, tx, id) ?? throw new NotFoundException($"customer {id} does not exist");

        var cards = Read(c, tx, "SELECT card_number, issued_at, replaced_at FROM cards WHERE customer_id = $id ORDER BY issued_at", id, r =>
            new CardRecord(CardNumber.Parse(r.GetString(0)), id, Sql.ParseTime(r.GetString(1)), Sql.ParseTimeOrNull(r, 2)));
        var items = Read(c, tx, "SELECT i.sale_id, i.sku, i.description, i.quantity, i.amount_e4 FROM sale_items i JOIN sales s ON s.id = i.sale_id WHERE s.customer_id = $id ORDER BY i.sale_id, i.line", id, r =>
            (Sale: r.GetInt64(0), Item: new ExportedItem(Sql.StringOrNull(r, 1), r.GetString(2), decimal.Parse(r.GetString(3), CultureInfo.InvariantCulture), Sql.FromE4(r.GetInt64(4)))));
        var visits = Read(c, tx, "SELECT id, till_id, receipt_number, kind, at, at_offset_minutes, total_e4, currency FROM sales WHERE customer_id = $id ORDER BY at", id, r =>
        {
            var saleId = r.GetInt64(0);
            var at = Sql.ParseTime(r.GetString(4)).ToOffset(TimeSpan.FromMinutes(r.GetInt64(5)));
            return new ExportedSale(r.GetString(1), r.GetString(2), r.GetString(3), at, Sql.FromE4(r.GetInt64(6)), r.GetString(7), items.Where(i => i.Sale == saleId).Select(i => i.Item).ToList());
        });
        var ledger = Read(c, tx, "SELECT l.at, l.delta, l.reason, s.receipt_number FROM ledger l LEFT JOIN sales s ON s.id = l.sale_id WHERE l.customer_id = $id ORDER BY l.id", id, r =>
            new ExportedLedgerRow(Sql.ParseTime(r.GetString(0)), r.GetInt64(1), r.GetString(2), Sql.StringOrNull(r, 3)));
        var stamps = Read(c, tx, "SELECT at, program, delta, reason FROM stamp_events WHERE customer_id = $id ORDER BY id", id, r =>
            new ExportedStampEvent(Sql.ParseTime(r.GetString(0)), r.GetString(1), r.GetInt64(2), r.GetString(3)));
        var audit = Read(c, tx, "SELECT at, action, detail, allowed FROM audit WHERE customer_id = $id ORDER BY id", id, r =>
            new ExportedAuditEntry(Sql.ParseTime(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetInt64(3) != 0));
        var coupons = CouponRepository.ReadCoupons(c, tx, "WHERE customer_id = $id ORDER BY issued_at", now, ("$id", id.Value));
        var notes = CustomerRepository.ReadNotes(c, tx, id);
        var pending = PendingSales.ForCustomer(c, tx, id);
        tx.Commit();
        return new CustomerExport(row.Customer, cards, notes, visits, ledger, stamps, coupons, audit, pending);
    }

    /// <summary>
    /// Removes the person: name, greeting, dates, phone, email, notes, card numbers, and their pending sales' link and
    /// items (one still waiting is dropped); their live coupons are voided. The anonymous ledger and sales totals stay.
    /// The file is then rewritten so no old page keeps the data (<see cref="Erasure.Compact"/>).
    /// </summary>
    public void Erase(CustomerId id)
    {
        var now = time.GetUtcNow();
        using (var c = database.OpenConnection())
        {
            using var tx = c.BeginTransaction(deferred: false);
            _ = CustomerRows.Load(c, tx, id) ?? throw new NotFoundException($"customer {id} does not exist");
            Erasure.ErasePerson(c, tx, id, now);
            Audit.Write(c, tx, now, "erase", id, "personal data erased on request", allowed: true);
            OutboxWriter.Erased(c, tx, id, now);
            tx.Commit();
        }

        _ = Erasure.Compact(database); // as before the chain: a reader holding the WAL then leaves it to the next checkpoint
    }

    /// <summary>Folds a duplicate into the customer to keep: cards, notes, visits, coupons, stamps and points.</summary>
    public void Merge(CustomerId keep, CustomerId duplicate)
    {
        if (keep == duplicate)
        {
            throw new Domain.Values.DomainValidationException("cannot merge a customer into itself");
        }

        var now = time.GetUtcNow();
        using (var c = database.OpenConnection())
        {
            using var tx = c.BeginTransaction(deferred: false);
            FoldInto(c, tx, keep, duplicate, now);
            Audit.Write(c, tx, now, "merge", keep, $"customer {duplicate} merged into {keep}", allowed: true);
            OutboxWriter.Merged(c, tx, keep, duplicate, now);
            tx.Commit();
        }
    }

    /// <summary>
    /// The merge itself, as every till does it: here by `customers merge`, at the other tills when they apply its
    /// event (ChainInbox). Writes no audit or outbox row; the caller does.
    /// </summary>
    internal static void FoldInto(SqliteConnection c, SqliteTransaction tx, CustomerId keep, CustomerId duplicate, DateTimeOffset now)
    {
        var at = Sql.Time(now);
        _ = CustomerRows.Load(c, tx, keep) ?? throw new NotFoundException($"customer {keep} does not exist");
        var other = CustomerRows.Load(c, tx, duplicate) ?? throw new NotFoundException($"customer {duplicate} does not exist");

        // Fill what the kept record lacks from the duplicate; never overwrite what it has.
        Sql.Execute(
            c,
            tx,
            """
            UPDATE customers SET
                greeting = COALESCE(greeting, $g), birthday = COALESCE(birthday, $b), anniversary = COALESCE(anniversary, $a),
                phone = COALESCE(phone, $p), email = COALESCE(email, $e),
                visit_count = visit_count + $v,
                last_visit_at = CASE WHEN last_visit_at IS NULL OR last_visit_at < $lv THEN $lv ELSE last_visit_at END,
                points_balance = points_balance + $pts
            WHERE id = $id
            """,
            ("$g", other.Customer.Greeting),
            ("$b", other.Customer.Birthday?.ToString()),
            ("$a", other.Customer.Anniversary?.ToString()),
            ("$p", other.Customer.Phone),
            ("$e", other.Customer.Email),
            ("$v", other.Visits),
            ("$lv", other.LastVisitAt is { } lv ? Sql.Time(lv) : null),
            ("$pts", other.Balance),
            ("$id", keep.Value));
        foreach (var table in new[] { "cards", "notes", "sales", "coupons", "pending_sales" })
        {
            Sql.Execute(c, tx, $"UPDATE {table} SET customer_id = $keep WHERE customer_id = $dup", ("$keep", keep.Value), ("$dup", duplicate.Value));
        }

        // The stamp ledger is append-only too: each card's stamps (or debt) move by a pair of rows.
        foreach (var (program, sum) in StampRows.Sums(c, tx, duplicate))
        {
            if (sum != 0)
            {
                StampRows.Add(c, tx, duplicate, program, -sum, "merge", at);
                StampRows.Add(c, tx, keep, program, sum, "merge", at);
            }
        }

        // The ledger is append-only: points move by a pair of rows, so both histories still add up.
        if (other.Balance != 0)
        {
            Sales.SaleRecorder.AddLedger(c, tx, duplicate, null, new Points(-other.Balance), Domain.Rules.LedgerReason.Merge, at);
            Sales.SaleRecorder.AddLedger(c, tx, keep, null, new Points(other.Balance), Domain.Rules.LedgerReason.Merge, at);
        }

        Erasure.ErasePersonalData(c, tx, duplicate, now);
        Sql.Execute(c, tx, "UPDATE customers SET merged_into = $keep, points_balance = 0 WHERE id = $dup", ("$keep", keep.Value), ("$dup", duplicate.Value));
    }

    private static List<T> Read<T>(SqliteConnection c, SqliteTransaction tx, string sql, CustomerId id, Func<SqliteDataReader, T> map)
    {
        var list = new List<T>();
        using var cmd = Sql.Command(c, tx, sql, ("$id", id.Value));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(map(r));
        }

        return list;
    }
}
