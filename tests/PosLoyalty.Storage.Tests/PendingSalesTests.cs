using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Sales;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

public sealed class PendingSalesTests
{
    private static readonly SaleRecording FromTheTap = SaleRecording.Receipt(null, printCoupons: false);

    [Fact]
    public void A_held_sale_credits_nothing_until_confirmed_and_is_audited_with_its_reason()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var pending = Pending(shop);

        var hold = pending.Hold(shop.NewSale(250m, Item("Espresso machine", 250m)), id, "sale", 1d, "total 250.00 above 200.00", FromTheTap);

        Assert.Equal(PendingHoldResult.Held, hold.Result);
        var held = Assert.Single(pending.Waiting());
        Assert.Equal(hold.Sale!.Id, held.Id);
        Assert.Equal(250m, held.Total.Amount);
        Assert.Equal(id, held.CustomerId);
        Assert.Equal("Ada", held.CustomerName);
        Assert.Equal(1, held.ItemCount);
        Assert.Equal(PendingSaleState.Pending, held.State);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(0, shop.Balance(id));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-pending' AND detail LIKE '%above 200.00%' AND customer_id = $c", ("$c", id.Value)));
    }

    [Fact]
    public void Confirm_credits_once_and_a_second_confirm_changes_nothing()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var pending = Pending(shop);
        var held = pending.Hold(shop.NewSale(250m, Item("Espresso machine", 250m)), id, "sale", 0.4d, "confidence 0.40 below 0.60", FromTheTap).Sale!;

        var first = pending.Confirm(held.Id, printCoupons: false);
        var balance = shop.Balance(id);
        var second = pending.Confirm(held.Id, printCoupons: false);

        Assert.True(first.Changed);
        Assert.NotNull(first.Credited);
        Assert.True(first.Credited!.PointsEarned.Value > 0);
        Assert.Equal(balance, first.Credited.PointsBalance.Value);
        Assert.Equal(PendingSaleState.Confirmed, first.Sale.State);
        Assert.False(second.Changed);
        Assert.Null(second.Credited);
        Assert.Equal(balance, shop.Balance(id));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(1, shop.Scalar("SELECT visit_count FROM customers WHERE id = $c", ("$c", id.Value)));
        Assert.Equal(["Espresso machine"], shop.Privacy.Export(id).Visits.Single().Items.Select(i => i.Description));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-confirmed'"));
        Assert.Empty(pending.Waiting());
        Assert.Equal(0, shop.BalancesOffTheLedger());
    }

    [Fact]
    public void A_replayed_receipt_is_not_held_twice_and_a_dropped_one_stays_dropped()
    {
        using var shop = new TestShop();
        var pending = Pending(shop);
        var sale = shop.NewSale(250m);

        var first = pending.Hold(sale, null, "sale", 0.3d, "confidence 0.30 below 0.60", FromTheTap);
        var replay = pending.Hold(sale, null, "sale", 0.3d, "confidence 0.30 below 0.60", FromTheTap);
        Assert.Equal(PendingHoldResult.AlreadyPending, replay.Result);
        Assert.Equal(first.Sale!.Id, replay.Sale!.Id);

        var dropped = pending.Drop(first.Sale.Id);
        Assert.True(dropped.Changed);
        Assert.Equal(PendingSaleState.Dropped, dropped.Sale.State);
        Assert.Equal(PendingHoldResult.AlreadyDecided, pending.Hold(sale, null, "sale", 0.3d, "again", FromTheTap).Result);
        Assert.False(pending.Drop(first.Sale.Id).Changed);
        Assert.False(pending.Confirm(first.Sale.Id, printCoupons: false).Changed);

        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM pending_sales"));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-dropped'"));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-pending'"));
    }

    [Fact]
    public void A_receipt_recorded_already_is_not_held()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var sale = shop.NewSale(12m);
        shop.Sales.Apply(id, sale);

        var hold = Pending(shop).Hold(sale, id, "sale", 0.2d, "confidence 0.20 below 0.60", FromTheTap);

        Assert.Equal(PendingHoldResult.AlreadyRecorded, hold.Result);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM pending_sales"));
    }

    [Fact]
    public void Confirming_a_sale_with_no_customer_keeps_it_unclaimed()
    {
        using var shop = new TestShop();
        var pending = Pending(shop);
        var held = pending.Hold(shop.NewSale(40m), null, "sale", 0.5d, "confidence 0.50 below 0.60", FromTheTap).Sale!;

        var decision = pending.Confirm(held.Id, printCoupons: false);

        Assert.True(decision.Changed);
        Assert.Null(decision.Credited);
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM sales WHERE customer_id IS NULL AND source = 'receipt'"));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM ledger"));
    }

    [Fact]
    public void A_late_scan_names_the_customer_a_confirm_then_credits()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var pending = Pending(shop);
        var held = pending.Hold(shop.NewSale(30m), null, "sale", 0.5d, "confidence 0.50 below 0.60", FromTheTap).Sale!;
        shop.Clock.Advance(TimeSpan.FromMinutes(1));

        var claimed = pending.ClaimLatest("till-1", id, shop.Clock.GetUtcNow() - TimeSpan.FromMinutes(3));

        Assert.Equal(held.Id, claimed!.Id);
        Assert.Equal(id, claimed.CustomerId);
        Assert.Equal(0, shop.Balance(id)); // named, not credited
        Assert.Null(pending.ClaimLatest("till-1", shop.Enrol("Bob", "CARD0002"), shop.Clock.GetUtcNow() - TimeSpan.FromMinutes(3)));
        Assert.NotNull(pending.Confirm(held.Id, printCoupons: false).Credited);
        Assert.True(shop.Balance(id) > 0);
    }

    [Fact]
    public void Unknown_id_is_not_found()
    {
        using var shop = new TestShop();
        var pending = Pending(shop);
        Assert.Throws<NotFoundException>(() => pending.Confirm(42, printCoupons: false));
        Assert.Throws<NotFoundException>(() => pending.Drop(42));
    }

    [Fact]
    public void Export_lists_a_customers_pending_sales_and_erasure_drops_them_and_forgets_the_link()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var pending = Pending(shop);
        var held = pending.Hold(shop.NewSale(250m, Item("Espresso machine", 250m)), id, "sale", 1d, "total 250.00 above 200.00", FromTheTap).Sale!;

        Assert.Equal(held.Id, Assert.Single(shop.Privacy.Export(id).PendingSales).Id);

        shop.Privacy.Erase(id);

        Assert.Empty(pending.Waiting());
        Assert.Equal(PendingSaleState.Dropped, pending.Get(held.Id).State);
        Assert.Null(pending.Get(held.Id).CustomerId);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM pending_sales WHERE customer_id IS NOT NULL OR items <> '[]'"));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void Merging_moves_a_duplicates_pending_sale_to_the_kept_customer()
    {
        using var shop = new TestShop();
        var keep = shop.Enrol("Ada", "CARD0001");
        var duplicate = shop.Enrol("Ada L", "CARD0002");
        var pending = Pending(shop);
        var held = pending.Hold(shop.NewSale(250m), duplicate, "sale", 1d, "total 250.00 above 200.00", FromTheTap).Sale!;

        shop.Privacy.Merge(keep, duplicate);

        Assert.Equal(keep, pending.Get(held.Id).CustomerId);
        Assert.NotNull(pending.Confirm(held.Id, printCoupons: false).Credited);
        Assert.True(shop.Balance(keep) > 0);
    }

    [Fact]
    public void A_sale_in_another_currency_is_refused()
    {
        using var shop = new TestShop();
        var sale = Domain.Sales.Sale.Create("till-1", "R1", new Money(5m, CurrencyCode.Parse("USD")), shop.Clock.GetUtcNow(), []);
        Assert.Throws<DomainValidationException>(() => Pending(shop).Hold(sale, null, "sale", 0.1d, "x", FromTheTap));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM pending_sales"));
    }

    private static PendingSales Pending(TestShop shop) => new(shop.Database, shop.Sales, Rules, shop.Clock);
}
