using Microsoft.Data.Sqlite;
using Npgsql;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Privacy;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Chain.Tests;

/// <summary>One till in-process: its own SQLite file, the shipped rules, a fake clock and its sync against the chain.</summary>
internal sealed class TestTill : IDisposable
{
    internal static readonly Lazy<LoyaltyRules> Shipped = new(() =>
        LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kiosk-config", "loyalty.json")), "kiosk-config/loyalty.json"));

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("posloyalty-till-");
    private readonly NpgsqlDataSource dataSource;
    private int receipts;

    public TestTill(string tillId, string connectionString, string shopId = "shop-1")
    {
        TillId = tillId;
        Database = LoyaltyDatabase.Open(Path.Combine(directory.FullName, "loyalty.db"));
        dataSource = ChainConnection.Open(connectionString);
        Store = new ChainStore(dataSource, shopId, tillId);
        Outbox = new ChainOutbox(Database);
        Sync = new ChainSync(Store, Outbox, new ChainInbox(Database, Clock), Clock);
    }

    public static LoyaltyRules Rules => Shipped.Value;

    public string TillId { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public LoyaltyDatabase Database { get; }

    public ChainStore Store { get; }

    public ChainOutbox Outbox { get; }

    public ChainSync Sync { get; }

    public CustomerRepository Customers => new(Database, Shipped.Value, Clock);

    public PrivacyRequests Privacy => new(Database, Clock);

    public CustomerId Enrol(string name, string card) => Customers.Enrol(new NewCustomer(CardNumber.Parse(card), name));

    /// <summary>The local id of the customer holding the card here.</summary>
    public CustomerId Holder(string card) =>
        Customers.FindByCard(CardNumber.Parse(card))?.CustomerId ?? throw new InvalidOperationException($"card {card} is not known at {TillId}");

    public SaleOutcome Sell(string card, decimal total, params SaleItem[] items)
    {
        var customer = Customers.FindByCard(CardNumber.Parse(card)) ?? throw new InvalidOperationException($"card {card} is not known at {TillId}");
        var sale = Sale.Create(TillId, "R" + (++receipts).ToString(System.Globalization.CultureInfo.InvariantCulture), new Money(total, Shipped.Value.ShopCurrency), Clock.GetUtcNow(), items);
        return new SaleRecorder(Database, Shipped.Value, Clock).Apply(customer.CustomerId, sale);
    }

    public long Points(string card) =>
        Customers.GetProfile(Customers.FindByCard(CardNumber.Parse(card))!.CustomerId).Balance.Value;

    /// <summary>The coffee card as this till shows it: stamps, or stamps owed.</summary>
    public StampCardView CoffeeCard(string card) =>
        Customers.GetProfile(Holder(card)).Stamps.Single(s => s.Program == "coffee");

    public Task<ChainSyncRound> SyncAsync() => Sync.RunOnceAsync(CancellationToken.None);

    public void Dispose()
    {
        dataSource.Dispose();
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}
