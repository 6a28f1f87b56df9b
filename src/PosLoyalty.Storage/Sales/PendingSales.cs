using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;

namespace PosLoyalty.Storage.Sales;

/// <summary>
/// Sales that wait for the cashier instead of being credited (docs/adr/0010): one the receipt reader was unsure of,
/// or one above `Till:ConfirmSalesAbove`. Holding, confirming and dropping each commit in one transaction with their
/// audit row; a confirm credits through <see cref="SaleRecorder"/> in that same transaction, keyed by (till, receipt),
/// so a second confirm, or a replay of the receipt, changes nothing.
/// </summary>
public sealed class PendingSales(LoyaltyDatabase database, SaleRecorder recorder, LoyaltyRules rules, TimeProvider time)
{
    private const string Columns =
        "id, till_id, receipt_number, total_e4, at, at_offset_minutes, customer_id, kind, confidence, reason, state, held_at, decided_at, items, source, receipt_currency, currency";

    private static readonly JsonSerializerOptions ItemJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Keeps the sale pending for <paramref name="customer"/> (the one at the counter; null: nobody yet), unless the
    /// receipt was held, decided or recorded before: a replay never makes a second row and never credits.
    /// </summary>
    public PendingHold Hold(Sale sale, CustomerId? customer, string kind, double confidence, string reason, SaleRecording recording)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(recording);
        if (sale.Total.Currency != rules.ShopCurrency)
        {
            throw new DomainValidationException($"currency {sale.Total.Currency} is not the shop's currency {rules.ShopCurrency} (Currency in the rules file)");
        }

        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var existing = Read(c, tx, "WHERE till_id = $t AND receipt_number = $r", ("$t", sale.TillId), ("$r", sale.ReceiptNumber)).FirstOrDefault();
        if (existing is not null)
        {
            return new PendingHold(existing.State == PendingSaleState.Pending ? PendingHoldResult.AlreadyPending : PendingHoldResult.AlreadyDecided, existing);
        }

        if (SaleRecorder.IsRecorded(c, tx, sale.TillId, sale.ReceiptNumber))
        {
            return new PendingHold(PendingHoldResult.AlreadyRecorded, null);
        }

        var items = JsonSerializer.Serialize(sale.Items.Select(i => new StoredItem(i.Sku, i.Description, i.Quantity, Sql.ToE4(i.Amount.Amount))).ToList(), ItemJson);
        var id = Sql.InsertReturningId(
            c,
            tx,
            """
            INSERT INTO pending_sales (till_id, receipt_number, total_e4, currency, items, at, at_offset_minutes, customer_id, kind, confidence, reason, source, receipt_currency, held_at)
            VALUES ($t, $r, $total, $cur, $items, $at, $off, $c, $kind, $conf, $why, $src, $rcur, $now)
            """,
            ("$t", sale.TillId),
            ("$r", sale.ReceiptNumber),
            ("$total", Sql.ToE4(sale.Total.Amount)),
            ("$cur", sale.Total.Currency.Value),
            ("$items", items),
            ("$at", Sql.Time(sale.At)),
            ("$off", (int)sale.At.Offset.TotalMinutes),
            ("$c", customer?.Value),
            ("$kind", kind),
            ("$conf", Math.Clamp(confidence, 0d, 1d)),
            ("$why", reason),
            ("$src", recording.Source),
            ("$rcur", recording.ReceiptCurrency),
            ("$now", Sql.Time(now)));
        Audit.Write(c, tx, now, "sale-pending", customer, Detail(id, sale.TillId, sale.ReceiptNumber, sale.Total.Amount, reason), allowed: true);
        var view = Get(c, tx, id);
        tx.Commit();
        return new PendingHold(PendingHoldResult.Held, view);
    }

    /// <summary>The sales waiting now, oldest first; only those of <paramref name="tillId"/> when given.</summary>
    public IReadOnlyList<PendingSaleView> Waiting(string? tillId = null)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var list = tillId is null
            ? Read(c, tx, "WHERE state = 'pending' ORDER BY held_at, id")
            : Read(c, tx, "WHERE state = 'pending' AND till_id = $t ORDER BY held_at, id", ("$t", tillId));
        tx.Commit();
        return list;
    }

    /// <summary>The sale held for (till, receipt), whatever its state; null when that receipt was never held.</summary>
    public PendingSaleView? Find(string tillId, string receiptNumber)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var view = Read(c, tx, "WHERE till_id = $t AND receipt_number = $r", ("$t", tillId), ("$r", receiptNumber)).FirstOrDefault();
        tx.Commit();
        return view;
    }

    /// <summary>One pending sale, whatever its state.</summary>
    /// <exception cref="NotFoundException">No pending sale has this id.</exception>
    public PendingSaleView Get(long id)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var view = Get(c, tx, id);
        tx.Commit();
        return view;
    }

    /// <summary>
    /// A late scan: gives <paramref name="customer"/> the newest sale held on the till since <paramref name="notBefore"/>
    /// with nobody to credit, without crediting it (the cashier still confirms). Null when there is none.
    /// </summary>
    public PendingSaleView? ClaimLatest(string tillId, CustomerId customer, DateTimeOffset notBefore)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var id = Sql.Scalar<long?>(
            c,
            tx,
            "SELECT id FROM pending_sales WHERE till_id = $t AND state = 'pending' AND customer_id IS NULL AND held_at >= $since ORDER BY held_at DESC, id DESC LIMIT 1",
            ("$t", tillId),
            ("$since", Sql.Time(notBefore)));
        if (id is null)
        {
            return null;
        }

        Sql.Execute(c, tx, "UPDATE pending_sales SET customer_id = $c WHERE id = $id", ("$c", customer.Value), ("$id", id.Value));
        Audit.Write(c, tx, now, "sale-pending-claimed", customer, string.Create(CultureInfo.InvariantCulture, $"pending sale {id.Value} claimed by a late scan"), allowed: true);
        var view = Get(c, tx, id.Value);
        tx.Commit();
        return view;
    }

    /// <summary>
    /// Credits the pending sale, exactly once, in one transaction with its state change and audit row: for its
    /// customer through <see cref="SaleRecorder"/>, or kept unclaimed when it has none. A sale decided before changes
    /// nothing; one recorded some other way meanwhile (the POS sent it again) is marked confirmed and earns nothing twice.
    /// </summary>
    /// <exception cref="NotFoundException">No pending sale has this id.</exception>
    public PendingDecision Confirm(long id, bool printCoupons)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var stored = Load(c, tx, id);
        if (stored.View.State != PendingSaleState.Pending)
        {
            return new PendingDecision(stored.View, Changed: false, Credited: null);
        }

        var recording = new SaleRecording(stored.Source, stored.ReceiptCurrency, printCoupons);
        SaleOutcome? credited = null;
        string what;
        if (stored.View.CustomerId is { } customer && CustomerRows.Load(c, tx, customer) is not null)
        {
            var outcome = recorder.ApplyWithin(c, tx, customer, stored.Sale, recording);
            credited = outcome.Duplicate ? null : outcome;
            what = outcome.Duplicate ? "already recorded: nothing credited twice" : string.Create(CultureInfo.InvariantCulture, $"credited {outcome.PointsEarned.Value} points");
        }
        else
        {
            what = recorder.RecordUnclaimedWithin(c, tx, stored.Sale, recording) ? "kept unclaimed (no customer)" : "already recorded: nothing credited twice";
        }

        Decide(c, tx, id, PendingSaleState.Confirmed, now);
        Audit.Write(c, tx, now, "sale-confirmed", stored.View.CustomerId, Detail(id, stored.View.TillId, stored.View.ReceiptNumber, stored.View.Total.Amount, what), allowed: true);
        var view = Get(c, tx, id);
        tx.Commit();
        return new PendingDecision(view, Changed: true, credited);
    }

    /// <summary>Drops the pending sale: never credited, audited. A sale decided before changes nothing.</summary>
    /// <exception cref="NotFoundException">No pending sale has this id.</exception>
    public PendingDecision Drop(long id)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var view = Get(c, tx, id);
        if (view.State != PendingSaleState.Pending)
        {
            return new PendingDecision(view, Changed: false, Credited: null);
        }

        Decide(c, tx, id, PendingSaleState.Dropped, now);
        Audit.Write(c, tx, now, "sale-dropped", view.CustomerId, Detail(id, view.TillId, view.ReceiptNumber, view.Total.Amount, "dropped: nothing credited"), allowed: true);
        view = Get(c, tx, id);
        tx.Commit();
        return new PendingDecision(view, Changed: true, Credited: null);
    }

    /// <summary>What a customer's export shows of their pending sales, in every state.</summary>
    internal static List<PendingSaleView> ForCustomer(SqliteConnection c, SqliteTransaction tx, CustomerId id) =>
        Read(c, tx, "WHERE customer_id = $c ORDER BY held_at, id", ("$c", id.Value));

    /// <summary>
    /// Erasure: the person's pending sales lose their link to them and their items; one still waiting is dropped
    /// (nobody is left to credit), each with an audit row.
    /// </summary>
    internal static void ForgetCustomer(SqliteConnection c, SqliteTransaction tx, CustomerId id, DateTimeOffset now)
    {
        foreach (var view in Read(c, tx, "WHERE customer_id = $c AND state = 'pending'", ("$c", id.Value)))
        {
            Decide(c, tx, view.Id, PendingSaleState.Dropped, now);
            Audit.Write(c, tx, now, "sale-dropped", id, Detail(view.Id, view.TillId, view.ReceiptNumber, view.Total.Amount, "dropped: the customer was erased"), allowed: true);
        }

        Sql.Execute(c, tx, "UPDATE pending_sales SET customer_id = NULL, items = '[]' WHERE customer_id = $c", ("$c", id.Value));
    }

    private static void Decide(SqliteConnection c, SqliteTransaction tx, long id, PendingSaleState state, DateTimeOffset now) =>
        Sql.Execute(c, tx, "UPDATE pending_sales SET state = $s, decided_at = $now WHERE id = $id AND state = 'pending'", ("$s", StateName(state)), ("$now", Sql.Time(now)), ("$id", id));

    private static string Detail(long id, string tillId, string receiptNumber, decimal total, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"pending sale {id}: receipt {receiptNumber} on till {tillId}, total {total:0.00##}: {what}");

    private static string StateName(PendingSaleState state) => state.ToString().ToLowerInvariant();

    private static PendingSaleView Get(SqliteConnection c, SqliteTransaction tx, long id) =>
        Read(c, tx, "WHERE id = $id", ("$id", id)).FirstOrDefault() ?? throw new NotFoundException(string.Create(CultureInfo.InvariantCulture, $"no pending sale with id {id} (posloyalty receipts pending lists them)"));

    private (PendingSaleView View, Sale Sale, string Source, string? ReceiptCurrency) Load(SqliteConnection c, SqliteTransaction tx, long id)
    {
        var view = Get(c, tx, id);
        string itemsJson, source;
        string? receiptCurrency;
        using (var cmd = Sql.Command(c, tx, "SELECT items, source, receipt_currency FROM pending_sales WHERE id = $id", ("$id", id)))
        using (var r = cmd.ExecuteReader())
        {
            r.Read(); // Get found the row in this transaction
            (itemsJson, source, receiptCurrency) = (r.GetString(0), r.GetString(1), Sql.StringOrNull(r, 2));
        }

        var currency = rules.ShopCurrency;
        var items = (JsonSerializer.Deserialize<List<StoredItem>>(itemsJson, ItemJson) ?? [])
            .Select(i => new SaleItem(i.Sku, i.Description, i.Quantity, new Money(Sql.FromE4(i.AmountE4), currency)))
            .ToList();
        var sale = new Sale(view.TillId, view.ReceiptNumber, new Money(view.Total.Amount, currency), view.At, items);
        return (view, sale, source, receiptCurrency);
    }

    private static List<PendingSaleView> Read(SqliteConnection c, SqliteTransaction tx, string where, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<(PendingSaleView View, long? Customer)>();
        using (var cmd = Sql.Command(c, tx, $"SELECT {Columns} FROM pending_sales {where}", parameters))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var currency = CurrencyCode.Parse(r.GetString(16));
                var at = Sql.ParseTime(r.GetString(4)).ToOffset(TimeSpan.FromMinutes(r.GetInt64(5)));
                long? customer = r.IsDBNull(6) ? null : r.GetInt64(6);
                var itemCount = JsonSerializer.Deserialize<List<StoredItem>>(r.GetString(13), ItemJson)?.Count ?? 0;
                rows.Add((
                    new PendingSaleView(
                        r.GetInt64(0),
                        r.GetString(1),
                        r.GetString(2),
                        new Money(Sql.FromE4(r.GetInt64(3)), currency),
                        at,
                        customer is { } id ? new CustomerId(id) : null,
                        null,
                        r.GetString(7),
                        r.GetDouble(8),
                        r.GetString(9),
                        Enum.Parse<PendingSaleState>(r.GetString(10), ignoreCase: true),
                        Sql.ParseTime(r.GetString(11)),
                        Sql.ParseTimeOrNull(r, 12),
                        itemCount),
                    customer));
            }
        }

        return rows.Select(row => row.Customer is { } id
                ? row.View with { CustomerName = CustomerRows.Load(c, tx, new CustomerId(id))?.Customer.GreetingOrName }
                : row.View)
            .ToList();
    }

    private sealed record StoredItem(string? Sku, string Description, decimal Quantity, long AmountE4);
}
