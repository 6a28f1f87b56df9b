using PosLoyalty.Domain.Receipts;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Tests.Till;

public sealed class TillSessionPendingTests : IDisposable
{
    private static readonly SaleRecording AtTill = SaleRecording.Receipt(null, printCoupons: false);
    private readonly TillFixture till = new(confirmation: new ReceiptConfirmationPolicy(0.6, 100m));

    public void Dispose() => till.Dispose();

    [Fact]
    public void A_sale_above_the_limit_is_held_for_the_customer_at_the_counter_and_credits_nothing()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");

        var held = Assert.IsType<SalePending>(till.Session.HandleReceipt(till.Receipt(150m), AtTill));

        Assert.Equal(anna, held.Sale.CustomerId);
        Assert.Equal("Anna Rossi", held.Sale.CustomerName);
        Assert.Equal("total 150.00 above 100.00", held.Sale.Reason);
        Assert.Null(till.Session.ActiveCustomer); // the sale completed
        Assert.Equal(0, till.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(0, till.Scalar($"SELECT points_balance FROM customers WHERE id = {anna.Value}"));
        Assert.Single(till.Session.PendingSales());
    }

    [Fact]
    public void A_sale_read_with_low_confidence_is_held_but_a_pos_event_of_the_same_amount_is_not()
    {
        till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");
        Assert.IsType<SalePending>(till.Session.HandleReceipt(till.Receipt(12m), AtTill, confidence: 0.3));

        till.Session.HandleScan("20000000042");
        Assert.IsType<SaleRecorded>(till.Session.HandleReceipt(till.Receipt(12m), SaleRecording.PosEvent(printCoupons: false)));
    }

    [Fact]
    public void A_manual_sale_above_the_limit_is_what_the_cashier_meant_and_is_recorded()
    {
        till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");
        Assert.IsType<SaleRecorded>(till.Session.HandleReceipt(till.Receipt(150m), SaleRecording.Manual));
    }

    [Fact]
    public void Confirm_credits_once_publishes_the_sale_and_a_replay_changes_nothing()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        till.Session.HandleScan("20000000042");
        var receipt = till.Receipt(150m);
        var held = Assert.IsType<SalePending>(till.Session.HandleReceipt(receipt, AtTill));

        var decision = till.Session.ConfirmPending(held.Sale.Id);
        var balance = till.Scalar($"SELECT points_balance FROM customers WHERE id = {anna.Value}");

        Assert.True(decision.Changed);
        Assert.Equal(balance, decision.Credited!.PointsBalance.Value);
        Assert.True(balance > 0);
        Assert.False(till.Session.ConfirmPending(held.Sale.Id).Changed);
        var replay = Assert.IsType<ReceiptIgnored>(till.Session.HandleReceipt(receipt, AtTill));
        Assert.Equal(ReceiptIgnoredReason.SeenBefore, replay.Kind);
        Assert.Equal(balance, till.Scalar($"SELECT points_balance FROM customers WHERE id = {anna.Value}"));
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales"));

        var published = Drain();
        Assert.Contains(published, e => e is PendingSaleDecided { Decision.Changed: true });
        Assert.Contains(published, e => e is SaleRecorded recorded && recorded.Outcome.CustomerId == anna);
    }

    [Fact]
    public void A_replay_of_a_waiting_receipt_is_not_held_twice()
    {
        var receipt = till.Receipt(150m);
        Assert.IsType<SalePending>(till.Session.HandleReceipt(receipt, AtTill));

        var replay = Assert.IsType<ReceiptIgnored>(till.Session.HandleReceipt(receipt, AtTill));

        Assert.Equal(ReceiptIgnoredReason.SeenBefore, replay.Kind);
        Assert.Equal("already waiting for the cashier", replay.Reason);
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM pending_sales"));
    }

    [Fact]
    public void A_dropped_receipt_replayed_below_the_limit_is_still_not_credited()
    {
        till.Enrol("Anna Rossi", "20000000042");
        var held = Assert.IsType<SalePending>(till.Session.HandleReceipt(till.Receipt(150m, "R7001"), AtTill));
        Assert.True(till.Session.DropPending(held.Sale.Id).Changed);

        till.Session.HandleScan("20000000042");
        var replay = Assert.IsType<ReceiptIgnored>(till.Session.HandleReceipt(till.Receipt(15m, "R7001"), AtTill));

        Assert.Equal("confirmed or dropped before", replay.Reason);
        Assert.Equal(0, till.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void A_late_scan_names_the_customer_of_a_held_sale_nobody_claimed()
    {
        var anna = till.Enrol("Anna Rossi", "20000000042");
        var held = Assert.IsType<SalePending>(till.Session.HandleReceipt(till.Receipt(150m), AtTill));
        Assert.Null(held.Sale.CustomerId);
        till.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.IsType<CustomerIdentified>(till.Session.HandleScan("20000000042"));

        Assert.Null(till.Session.ActiveCustomer); // that sale is over: the next receipt is not Anna's
        Assert.Contains(Drain(), e => e is SalePending named && named.Sale.CustomerId == anna);
        Assert.NotNull(till.Session.ConfirmPending(held.Sale.Id).Credited);
    }

    [Fact]
    public void A_non_sale_is_ignored_by_kind()
    {
        var ignored = Assert.IsType<ReceiptIgnored>(till.Session.IgnoreNonSale(ReceiptKind.Report, null));

        Assert.Equal(ReceiptIgnoredReason.NotASale, ignored.Kind);
        Assert.Equal(ReceiptKind.Report, ignored.Document);
        Assert.Equal("not a sale (report)", ignored.Reason);
        Assert.Equal(0, till.Scalar("SELECT COUNT(*) FROM sales") + till.Scalar("SELECT COUNT(*) FROM pending_sales"));
    }

    private List<TillEvent> Drain()
    {
        var events = new List<TillEvent>();
        while (till.Events.Events.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }
}
