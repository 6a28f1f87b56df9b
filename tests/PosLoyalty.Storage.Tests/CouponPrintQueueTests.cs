using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Sales;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

public sealed class CouponPrintQueueTests
{
    [Fact]
    public void Sale_that_claims_its_coupons_leaves_nothing_for_a_drain_until_they_are_given_back()
    {
        using var shop = new TestShop();
        var queue = new CouponPrintQueue(shop.Database, shop.Clock);
        var id = shop.Enrol("Ada", "CARD0001");
        var sale = shop.NewSale(28m, [.. Enumerable.Range(0, 8).Select(_ => Item("Latte", 3.50m))]);

        var outcome = shop.Sales.Apply(id, sale, SaleRecording.Receipt(null, printCoupons: true) with { PrintClaim = queue });

        var coupon = Assert.Single(outcome.CouponsIssued);
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'pending'")); // durable, in case it never prints
        Assert.True(queue.IsClaimed(coupon.Code));
        Assert.Empty(queue.ClaimPending(sale.TillId)); // a drain right after the commit takes nothing

        queue.Release([coupon]);
        Assert.Equal(coupon.Code, Assert.Single(queue.ClaimPending(sale.TillId)).Code);
        Assert.Empty(queue.ClaimPending(sale.TillId)); // claimed once
        Assert.True(queue.MarkPrinted(coupon.Code));
        Assert.False(queue.IsClaimed(coupon.Code));
        Assert.Empty(queue.Pending(sale.TillId));
    }

    [Fact]
    public void Claims_end_with_the_process_so_a_restart_prints_what_was_claimed_but_not_printed()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var sale = shop.NewSale(28m, [.. Enumerable.Range(0, 8).Select(_ => Item("Latte", 3.50m))]);
        shop.Sales.Apply(id, sale, SaleRecording.Receipt(null, printCoupons: true) with { PrintClaim = new CouponPrintQueue(shop.Database, shop.Clock) });

        var afterRestart = new CouponPrintQueue(shop.Database, shop.Clock);

        Assert.Single(afterRestart.ClaimPending(sale.TillId));
    }

    [Fact]
    public void Sale_outcome_carries_the_greeting_name_read_in_its_transaction()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada Lovelace", "CARD0001");

        var outcome = shop.Buy(id, 3.50m, Item("Latte", 3.50m));

        Assert.Equal("Ada Lovelace", outcome.GreetingName);
        Assert.Null(shop.Sales.Apply(id, shop.NewSale(3.50m, Item("Latte", 3.50m)) with { ReceiptNumber = outcome.ReceiptNumber }).GreetingName); // a replay issues nothing to greet for
    }
}
