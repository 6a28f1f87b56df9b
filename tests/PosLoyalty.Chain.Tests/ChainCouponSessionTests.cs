using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Chain.Tests;

/// <summary>The counter's redeem path (a scan, a keyed code) through TillSession, asking a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChainCouponSessionTests(PostgresCluster cluster)
{
    private const string Card = "4006381333931";

    [PostgresClusterFact]
    public async Task A_scanned_coupon_is_redeemed_at_one_till_and_refused_at_the_next_naming_the_first()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        var code = IssueAtA(a);
        await a.SyncAsync();
        await b.SyncAsync();

        var atA = Session(a, ChainOfflineRedemption.IssuedHere).HandleScan(code.Value);
        var atB = Session(b, ChainOfflineRedemption.IssuedHere).RedeemKeyed(code);

        Assert.IsType<CouponRedeemedAtCounter>(atA);
        var refused = Assert.IsType<ScanRefused>(atB);
        Assert.Equal($"coupon {code.ToDisplayString()} was already redeemed at till till-a", refused.Reason);
        Assert.Equal(CouponStatus.Active, new CouponRepository(b.Database, b.Clock).Get(code).Status);
    }

    [PostgresClusterFact]
    public void With_the_chain_away_a_scan_follows_Chain_OfflineRedemption()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(cluster.CreateDatabase()) { Port = ChainEndToEndTests.ClosedPort() }.ConnectionString;
        using var a = new TestTill("till-a", unreachable);
        var code = IssueAtA(a);

        var refused = Session(a, ChainOfflineRedemption.Refuse).HandleScan(code.Value);
        var redeemed = Session(a, ChainOfflineRedemption.IssuedHere).HandleScan(code.Value);

        Assert.StartsWith("the chain is unreachable", Assert.IsType<ScanRefused>(refused).Reason, StringComparison.Ordinal);
        Assert.IsType<CouponRedeemedAtCounter>(redeemed);
        Assert.Equal(CouponStatus.Redeemed, new CouponRepository(a.Database, a.Clock).Get(code).Status);
        Assert.Single(a.Outbox.ReadUnpushed(100), e => e.Kind == Storage.Outbox.ChainEventKinds.CouponRedeemed); // pushed when the chain is back
    }

    [PostgresClusterFact]
    public async Task A_customer_erased_at_another_till_has_their_coupon_voided_here_and_refused_at_the_counter()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        var code = IssueAtA(a);
        await a.SyncAsync();
        await b.SyncAsync();
        Assert.Equal(CouponStatus.Active, new CouponRepository(b.Database, b.Clock).Get(code).Status); // the premise: B holds it

        b.Privacy.Erase(b.Holder(Card));
        await b.SyncAsync();
        await a.SyncAsync();

        Assert.Equal(CouponStatus.Voided, new CouponRepository(a.Database, a.Clock).Get(code).Status);
        var refused = Assert.IsType<ScanRefused>(Session(a, ChainOfflineRedemption.IssuedHere).HandleScan(code.Value));
        Assert.StartsWith($"coupon {code.ToDisplayString()} was voided at ", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM coupon_redemptions WHERE code = '{code.Value}'")); // the file refused it; PostgreSQL was not asked
    }

    private static CouponCode IssueAtA(TestTill till)
    {
        till.Enrol("Paolo Rossi", Card);
        var eur = TestTill.Rules.ShopCurrency;
        var outcome = till.Sell(Card, 20m, new SaleItem(null, "Coffee", 8, new Money(20m, eur)));
        return Assert.Single(outcome.CouponsIssued).Code;
    }

    private static TillSession Session(TestTill till, ChainOfflineRedemption offline)
    {
        var sales = new SaleRecorder(till.Database, TestTill.Rules, till.Clock);
        var chain = new ChainCoupons(till.Store, new ChainOptions { OfflineRedemption = offline }, NullLogger<ChainCoupons>.Instance);
        return new TillSession(
            Options.Create(new TillOptions { Id = till.TillId }),
            till.Customers,
            sales,
            new CouponRepository(till.Database, till.Clock),
            new TillEventHub(),
            till.Clock,
            NullLogger<TillSession>.Instance,
            new PendingSales(till.Database, sales, TestTill.Rules, till.Clock),
            ReceiptConfirmationPolicy.Default,
            chain);
    }
}
