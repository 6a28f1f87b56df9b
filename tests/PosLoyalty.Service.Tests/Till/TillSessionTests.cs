using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Tests.Till;

public sealed class TillSessionTests : IDisposable
{
    private static readonly SaleRecording AtTill = SaleRecording.Receipt(null, printCoupons: true);
    private readonly TillFixture till = new();

    public void Dispose() => till.Dispose();

    [Fact]
    public void Card_scan_makes_the_customer_active_and_their_sale_earns()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");

        var identified = Assert.IsType<CustomerIdentified>(till.Session.HandleScan("20000000042\r\n"));
        Assert.Equal("Anna Rossi", identified.Profile.Customer.DisplayName);
        Assert.Equal(anna, till.Session.ActiveCustomer);

        var recorded = Assert.IsType<SaleRecorded>(till.Session.HandleReceipt(till.Receipt(5.30m), AtTill));
        Assert.Equal(anna, recorded.Outcome.CustomerId);
        Assert.True(recorded.Outcome.PointsEarned.Value > 0);
        Assert.Null(till.Session.ActiveCustomer); // the sale completed
        Assert.Equal(1, till.Scalar($"SELECT COUNT(*) FROM sales WHERE customer_id = {anna.Value} AND source = 'receipt'"));
    }

    [Fact]
    public void Replayed_receipt_earns_nothing_twice()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");
        var receipt = till.Receipt(5.30m, "R1001");
        till.Session.HandleReceipt(receipt, AtTill);
        var balance = till.Scalar($"SELECT points_balance FROM customers WHERE id = {anna.Value}");

        till.Session.HandleScan("20000000042");
        var again = till.Session.HandleReceipt(receipt, AtTill);

        Assert.IsType<ReceiptIgnored>(again);
        Assert.Equal(balance, till.Scalar($"SELECT points_balance FROM customers WHERE id = {anna.Value}"));
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void POS_retry_of_an_earlier_receipt_does_not_clear_the_customer_now_at_the_counter()
    {
        till.Enrol("Anna Rossi", "20000000042");
        var bruno = till.Enrol("Bruno Bianchi", "20000000059");
        till.Session.HandleScan("20000000042");
        var annas = till.Receipt(5.30m, "R1101");
        till.Session.HandleReceipt(annas, AtTill);

        till.Session.HandleScan("20000000059");
        var retry = Assert.IsType<ReceiptIgnored>(till.Session.HandleReceipt(annas, AtTill));

        Assert.Equal(ReceiptIgnoredReason.SeenBefore, retry.Kind);
        Assert.Equal(bruno, till.Session.ActiveCustomer);
        Assert.IsType<SaleRecorded>(till.Session.HandleReceipt(till.Receipt(4.10m, "R1102"), AtTill));
        Assert.Equal(1, till.Scalar($"SELECT COUNT(*) FROM sales WHERE customer_id = {bruno.Value}"));
    }

    [Fact]
    public void Receipt_with_nobody_at_the_counter_is_kept_unclaimed_and_a_late_scan_claims_it()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        Assert.IsType<UnclaimedSaleRecorded>(till.Session.HandleReceipt(till.Receipt(5.30m, "R2001"), AtTill));
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales WHERE customer_id IS NULL"));

        till.Clock.Advance(TimeSpan.FromMinutes(2));
        var identified = Assert.IsType<CustomerIdentified>(till.Session.HandleScan("20000000042"));

        Assert.NotNull(identified.LateClaim);
        Assert.Equal("R2001", identified.LateClaim.ReceiptNumber);
        Assert.Null(till.Session.ActiveCustomer); // the next customer's receipt must not be hers
        Assert.Equal(1, till.Scalar($"SELECT COUNT(*) FROM sales WHERE customer_id = {anna.Value}"));
        Assert.Equal(1, till.Scalar($"SELECT visit_count FROM customers WHERE id = {anna.Value}"));
    }

    [Fact]
    public void Scan_after_the_late_scan_window_claims_nothing_and_waits_for_the_next_sale()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleReceipt(till.Receipt(5.30m, "R3001"), AtTill);

        till.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        var identified = Assert.IsType<CustomerIdentified>(till.Session.HandleScan("20000000042"));

        Assert.Null(identified.LateClaim);
        Assert.Equal(anna, till.Session.ActiveCustomer);
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales WHERE customer_id IS NULL"));
    }

    [Fact]
    public void Late_scan_claims_the_receipt_once_only()
    {
        till.Enrol("Anna Rossi", "20000000042");
        var bruno = till.Enrol("Bruno Bianchi", "20000000059");
        till.Session.HandleReceipt(till.Receipt(5.30m, "R4001"), AtTill);
        till.Session.HandleScan("20000000042");

        var second = Assert.IsType<CustomerIdentified>(till.Session.HandleScan("20000000059"));

        Assert.Null(second.LateClaim);
        Assert.Equal(0, till.Scalar($"SELECT COUNT(*) FROM sales WHERE customer_id = {bruno.Value}"));
    }

    [Fact]
    public void Active_customer_times_out()
    {
        till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");

        till.Clock.Advance(TimeSpan.FromMinutes(5));
        till.Session.ExpireIfIdle();

        Assert.Null(till.Session.ActiveCustomer);
        Assert.IsType<UnclaimedSaleRecorded>(till.Session.HandleReceipt(till.Receipt(4m), AtTill));
    }

    [Fact]
    public void Cashier_clear_ends_the_pairing()
    {
        till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");

        till.Session.Clear("cashier");

        Assert.Null(till.Session.ActiveCustomer);
        Assert.IsType<UnclaimedSaleRecorded>(till.Session.HandleReceipt(till.Receipt(4m), AtTill));
    }

    [Fact]
    public void Refund_reverses_what_the_sale_earned()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        var before = till.Scalar($"SELECT points_balance FROM customers WHERE id = {anna.Value}");
        till.Session.HandleScan("20000000042");
        till.Session.HandleReceipt(till.Receipt(12m, "R5001"), AtTill);

        var refund = Assert.IsType<RefundRecorded>(till.Session.HandleReceipt(till.Receipt(12m, "R5001", TillReceiptKind.Refund), AtTill));

        Assert.True(refund.Outcome.PointsChange.Value < 0);
        Assert.Equal(before, till.Scalar($"SELECT points_balance FROM customers WHERE id = {anna.Value}"));
        Assert.IsType<ReceiptIgnored>(till.Session.HandleReceipt(till.Receipt(12m, "R5001", TillReceiptKind.Refund), AtTill));
    }

    [Fact]
    public void Refund_of_an_unknown_receipt_changes_nothing()
    {
        var ignored = Assert.IsType<ReceiptIgnored>(till.Session.HandleReceipt(till.Receipt(3m, "R9999", TillReceiptKind.Void), AtTill));

        Assert.Contains("no sale", ignored.Reason, StringComparison.Ordinal);
        Assert.Equal(0, till.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void Copy_of_a_receipt_earns_nothing()
    {
        till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");

        Assert.IsType<ReceiptIgnored>(till.Session.HandleReceipt(till.Receipt(5m, copy: true), AtTill));
        Assert.Equal(0, till.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void Coupon_scanned_at_the_counter_is_redeemed_once_not_taken_for_a_card()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        CouponCode? code = null;
        for (var visit = 0; visit < 12 && code is null; visit++)
        {
            till.Session.HandleScan("20000000042");
            var recorded = Assert.IsType<SaleRecorded>(till.Session.HandleReceipt(till.Receipt(3.20m), AtTill));
            code = recorded.Outcome.CouponsIssued.FirstOrDefault()?.Code;
            till.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.NotNull(code);
        Assert.Equal(1, till.Scalar($"SELECT COUNT(*) FROM coupons WHERE customer_id = {anna.Value} AND print_state = 'pending'"));

        var redeemed = Assert.IsType<CouponRedeemedAtCounter>(till.Session.HandleScan(code.Value.ToDisplayString()));
        Assert.Equal(anna, redeemed.Coupon.CustomerId);
        var again = Assert.IsType<ScanRefused>(till.Session.HandleScan(code.Value.Value));
        Assert.Contains("already redeemed", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistyped_coupon_code_is_not_looked_up_as_a_coupon()
    {
        var refused = till.Session.HandleScan("ABCD-EFGH-JKMN-P!");

        Assert.IsType<ScanRefused>(refused);
    }

    [Fact]
    public void Unknown_card_offers_enrolment()
    {
        var unknown = Assert.IsType<UnknownCardScanned>(till.Session.HandleScan("4000123412341234"));

        Assert.Equal("4000123412341234", unknown.Card.Value);
        Assert.Null(till.Session.ActiveCustomer);
    }

    [Fact]
    public void Replaced_card_is_refused_with_when()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        till.Customers.ReplaceCard(anna, Domain.Values.CardNumber.Parse("20000000075"));

        var refused = Assert.IsType<ScanRefused>(till.Session.HandleScan("20000000042"));

        Assert.Contains("replaced", refused.Reason, StringComparison.Ordinal);
        Assert.Null(till.Session.ActiveCustomer);
    }

    [Fact]
    public void Events_reach_subscribers_in_order()
    {
        till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");
        till.Session.HandleReceipt(till.Receipt(5m), AtTill);

        Assert.True(till.Events.Events.TryRead(out var first));
        Assert.True(till.Events.Events.TryRead(out var second));
        Assert.IsType<CustomerIdentified>(first);
        Assert.IsType<SaleRecorded>(second);
    }
}
