using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Maintenance;
using PosLoyalty.Storage.Privacy;
using PosLoyalty.Storage.Sales;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Storage.Tests;

/// <summary>A real SQLite file in a fresh temporary directory, the shipped rules and a fake clock.</summary>
internal sealed class TestShop : IDisposable
{
    public static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    // A Monday morning, well away from the Tuesday-afternoon campaign.
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<LoyaltyRules> Shipped = new(() =>
        LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "loyalty.json")), "kiosk-config/loyalty.json"));

    private LoyaltyDatabase? database;
    private int receipts;

    public TestShop()
    {
        Directory = Path.Combine(Path.GetTempPath(), "posloyalty-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "loyalty.db");
        Clock = new FakeTimeProvider(Start);
    }

    public static LoyaltyRules Rules => Shipped.Value;

    public string Directory { get; }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; }

    public LoyaltyDatabase Database => database ??= LoyaltyDatabase.Open(DatabasePath);

    public CustomerRepository Customers => new(Database, Rules, Clock);

    public SaleRecorder Sales => new(Database, Rules, Clock);

    public CouponRepository Coupons => new(Database, Clock);

    public ManagerActions Manager => new(Database, Clock);

    public PrivacyRequests Privacy => new(Database, Clock);

    public DatabaseMaintenance Maintenance => new(Database, Clock);

    public CustomerId Enrol(string name, string card, MonthDay? birthday = null, string? phone = null, string? email = null, string? referredByCard = null) =>
        Customers.Enrol(new NewCustomer(
            CardNumber.Parse(card),
            name,
            Birthday: birthday,
            Phone: phone,
            Email: email,
            ReferredByCard: referredByCard is null ? null : CardNumber.Parse(referredByCard)));

    public static SaleItem Item(string description, decimal amount, decimal quantity = 1, string? sku = null) =>
        new(sku, description, quantity, new Money(amount, Eur));

    public Sale NewSale(decimal total, params SaleItem[] items) =>
        Sale.Create("till-1", "R" + (++receipts).ToString("D5", CultureInfo.InvariantCulture), new Money(total, Eur), Clock.GetUtcNow(), items);

    public SaleOutcome Buy(CustomerId customer, decimal total, params SaleItem[] items) => Sales.Apply(customer, NewSale(total, items));

    public SqliteConnection Raw()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    public long Scalar(string sql, params (string Name, object Value)[] parameters) => Scalar(DatabasePath, sql, parameters);

    /// <summary>Runs <paramref name="sql"/> on <paramref name="c"/>: rows of an older schema version, written as that version's code wrote them.</summary>
    public static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static long Scalar(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static (long Customers, long Sales, long Ledger, long Coupons, long Items) Counts(string path) =>
        (Scalar(path, "SELECT COUNT(*) FROM customers"),
         Scalar(path, "SELECT COUNT(*) FROM sales"),
         Scalar(path, "SELECT COUNT(*) FROM ledger"),
         Scalar(path, "SELECT COUNT(*) FROM coupons"),
         Scalar(path, "SELECT COUNT(*) FROM sale_items"));

    public long LedgerSum(CustomerId id) => Scalar("SELECT COALESCE(SUM(delta), 0) FROM ledger WHERE customer_id = $id", ("$id", id.Value));

    public long Balance(CustomerId id) => Scalar("SELECT points_balance FROM customers WHERE id = $id", ("$id", id.Value));

    /// <summary>The coffee card's ledger sum: below zero while stamps are owed.</summary>
    public long Stamps(CustomerId id) => Scalar("SELECT COALESCE(SUM(delta), 0) FROM stamp_events WHERE customer_id = $id AND program = 'coffee'", ("$id", id.Value));

    public long BalancesOffTheLedger() =>
        Scalar("SELECT COUNT(*) FROM customers c WHERE c.points_balance <> (SELECT COALESCE(SUM(delta), 0) FROM ledger l WHERE l.customer_id = c.id)");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the OS temp cleaner will have it.
        }
    }
}
