using PosLoyalty.Domain.Values;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Tests.Till;

/// <summary>A coupon and a sale keyed at a panel, decided by the till under its lock and published like their scanned equivalents.</summary>
public sealed class TillKeyedAtPanelTests : IDisposable
{
    private readonly TillFixture till = new();

    [Fact]
    public void Manual_sale_for_the_customer_at_the_counter_is_their_sale_and_ends_the_visit()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");
        Drain();

        var recorded = Assert.IsType<SaleRecorded>(till.Session.RecordManualSale(anna, till.Receipt(6.10m, "M-1").Sale));

        Assert.Equal(anna, recorded.Outcome.CustomerId);
        Assert.Null(till.Session.ActiveCustomer);
        Assert.Same(recorded, Assert.Single(Drain()));
    }

    [Fact]
    public void Manual_sale_for_someone_else_is_credited_to_them_and_the_customer_at_the_counter_stays()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        var ben = till.Enrol("Ben Ode", "20000000043");
        till.Session.HandleScan("20000000042");
        Drain();

        var recorded = Assert.IsType<SaleRecorded>(till.Session.RecordManualSale(ben, till.Receipt(6.10m, "M-2").Sale));

        Assert.Equal(ben, recorded.Outcome.CustomerId);
        Assert.Equal(anna, till.Session.ActiveCustomer);
        Assert.Same(recorded, Assert.Single(Drain()));
        Assert.Equal(6, till.Customers.GetProfile(ben).Balance.Value);
    }

    [Fact]
    public void Manual_sale_keyed_twice_earns_once_and_the_second_is_published_as_seen_before()
    {
        var ben = till.Enrol("Ben Ode", "20000000043");
        var sale = till.Receipt(6.10m, "M-3").Sale;
        till.Session.RecordManualSale(ben, sale);
        Drain();

        var ignored = Assert.IsType<ReceiptIgnored>(till.Session.RecordManualSale(ben, sale));

        Assert.Equal(ReceiptIgnoredReason.SeenBefore, ignored.Kind);
        Assert.Same(ignored, Assert.Single(Drain()));
        Assert.Equal(6, till.Customers.GetProfile(ben).Balance.Value);
    }

    [Fact]
    public void Keyed_coupon_is_redeemed_and_published_and_a_refusal_goes_back_to_the_caller_only()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        var coupon = Assert.Single(till.Sales.Apply(anna, till.Receipt(600m, "R-big").Sale, SaleRecording.Manual).CouponsIssued);
        Drain();

        var redeemed = Assert.IsType<CouponRedeemedAtCounter>(till.Session.RedeemKeyed(coupon.Code));
        Assert.Same(redeemed, Assert.Single(Drain()));

        var refused = Assert.IsType<ScanRefused>(till.Session.RedeemKeyed(coupon.Code));
        Assert.Contains("already redeemed", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(Drain());
    }

    public void Dispose() => till.Dispose();

    // Publishing writes to the subscription's channel before the call returns: what is there now is all there is.
    private List<TillEvent> Drain()
    {
        var events = new List<TillEvent>();
        while (till.Events.Events.TryRead(out var tillEvent))
        {
            events.Add(tillEvent);
        }

        return events;
    }
}
