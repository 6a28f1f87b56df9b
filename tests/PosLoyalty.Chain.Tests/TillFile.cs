using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Chain.Tests;

/// <summary>
/// The SQLite file of a till a test runs as a real process, opened beside it as the CLI opens it while the service
/// runs. <see cref="Sell"/> is the receipt path's own write (SaleRecorder.Apply with a receipt's recording): the sale,
/// its points and its outbox event in one transaction, without a pty round trip per sale, so that a thousand sales
/// fit in a test under load. The till's service sees the file change and syncs, as after a receipt.
/// </summary>
internal sealed class TillFile(string tillId, string path)
{
    private readonly LoyaltyDatabase database = LoyaltyDatabase.Open(path, createIfMissing: false);

    public string TillId { get; } = tillId;

    public void Sell(string card, string receipt, long totalE4)
    {
        var rules = TestTill.Shipped.Value;
        var customer = new CustomerRepository(database, rules, TimeProvider.System).FindByCard(CardNumber.Parse(card)) ?? throw new InvalidOperationException($"card {card} is not known at {TillId}");
        var sale = Sale.Create(TillId, receipt, new Money(totalE4 / 10_000m, rules.ShopCurrency), TimeProvider.System.GetUtcNow(), []);
        new SaleRecorder(database, rules, TimeProvider.System).Apply(customer.CustomerId, sale, SaleRecording.Receipt(null, printCoupons: false));
    }

    /// <summary>
    /// The sales this file holds that were made at <paramref name="saleTill"/>: how many and their sum. A till's own
    /// sales carry its bare id; the ones it pulled carry "shop/till", as ChainInbox stores them.
    /// </summary>
    public (long Count, long TotalE4) SalesOf(string saleTill, string shopId = "shop-1")
    {
        using var c = database.OpenConnection();
        using var cmd = new SqliteCommand("SELECT count(*), coalesce(sum(total_e4), 0) FROM sales WHERE till_id IN ($t, $qualified) AND kind = 'sale'", c);
        cmd.Parameters.AddWithValue("$t", saleTill);
        cmd.Parameters.AddWithValue("$qualified", shopId + "/" + saleTill);
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    public long Customers() => Scalar("SELECT count(*) FROM customers");

    public long OutboxDepth() => new ChainOutbox(database).ReadState().OutboxDepth;

    /// <summary>Every event this till ever wrote to its outbox, pushed or not.</summary>
    public IReadOnlySet<Guid> OutboxEventIds()
    {
        using var c = database.OpenConnection();
        using var cmd = new SqliteCommand("SELECT event_id FROM chain_outbox", c);
        using var r = cmd.ExecuteReader();
        var ids = new HashSet<Guid>();
        while (r.Read())
        {
            ids.Add(Guid.Parse(r.GetString(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    private long Scalar(string sql)
    {
        using var c = database.OpenConnection();
        using var cmd = new SqliteCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
