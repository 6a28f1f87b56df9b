using PosLoyalty.Service.Broadcast;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Tests.Till;

/// <summary>A till session over a real SQLite file in a fresh directory, with the shipped rules and a fake clock.</summary>
internal sealed class TillFixture : IDisposable
{
    public static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    // A Monday morning, away from the Tuesday-afternoon campaign.
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<LoyaltyRules> Shipped = new(() =>
        LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "loyalty.json")), "kiosk-config/loyalty.json"));

    private readonly string directory;
    private int receipts;

    public TillFixture(TillOptions? options = null, ReceiptConfirmationPolicy? confirmation = null)
    {
        directory = Path.Combine(Path.GetTempPath(), "posloyalty-till-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        DatabasePath = Path.Combine(directory, "loyalty.db");
        Clock = new FakeTimeProvider(Start);
        Database = LoyaltyDatabase.Open(DatabasePath);
        Customers = new CustomerRepository(Database, Rules, Clock);
        Sales = new SaleRecorder(Database, Rules, Clock);
        Coupons = new CouponRepository(Database, Clock);
        PrintQueue = new CouponPrintQueue(Database, Clock);
        Events = Hub.Subscribe();
        Pending = new PendingSales(Database, Sales, Rules, Clock);
        Session = new TillSession(Options.Create(options ?? new TillOptions()), Customers, Sales, Coupons, Hub, Clock, NullLogger<TillSession>.Instance, Pending, confirmation ?? ReceiptConfirmationPolicy.Default);
    }

    public static LoyaltyRules Rules => Shipped.Value;

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; }

    public LoyaltyDatabase Database { get; }

    public CustomerRepository Customers { get; }

    public SaleRecorder Sales { get; }

    public CouponRepository Coupons { get; }

    public PendingSales Pending { get; }

    public CouponPrintQueue PrintQueue { get; }

    public TillEventHub Hub { get; } = new();

    public BroadcastSubscription<TillEvent> Events { get; }

    public TillSession Session { get; }

    public CustomerId Enrol(string name, string card) => Customers.Enrol(new NewCustomer(CardNumber.Parse(card), name));

    public TillReceipt Receipt(decimal total, string? number = null, TillReceiptKind kind = TillReceiptKind.Sale, bool copy = false) =>
        new(kind, Sale.Create("till-1", number ?? "R" + (++receipts).ToString("D5", CultureInfo.InvariantCulture), new Money(total, Eur), Clock.GetUtcNow(), [new SaleItem(null, "Latte", 1, new Money(total, Eur))]), copy, null);

    public long Scalar(string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Events.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow CI disk: the temp directory is cleaned by the OS
        }
    }
}
