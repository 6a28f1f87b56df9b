using PosLoyalty.Domain.Values;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

public sealed class LedgerInvariantTests
{
    [Fact]
    public void Balance_always_equals_the_sum_of_the_ledger()
    {
        using var shop = new TestShop();
        shop.Manager.SetPin("2468", currentPin: null);
        var ada = shop.Enrol("Ada", "CARD0001", birthday: MonthDay.Create(6, 6));
        var bea = shop.Enrol("Bea", "CARD0002", referredByCard: "CARD0001");
        var cy = shop.Enrol("Cy", "CARD0003");
        var dup = shop.Enrol("Cy again", "CARD0004");
        var receipts = new List<(string Till, string Receipt)>();

        void Sale(CustomerId who, decimal total, params Domain.Sales.SaleItem[] items)
        {
            var sale = shop.NewSale(total, items);
            shop.Sales.Apply(who, sale);
            receipts.Add((sale.TillId, sale.ReceiptNumber));
            Assert.Equal(0, shop.BalancesOffTheLedger());
        }

        for (var day = 0; day < 12; day++)
        {
            Sale(ada, 3.5m + day, Item("Latte", 3.5m + day));
            if (day % 2 == 0)
            {
                Sale(bea, 20m, Item("Cappuccino", 8m, 2), Item("Cake", 12m));
            }

            if (day % 3 == 0)
            {
                Sale(cy, 130m);
                Sale(dup, 45m, Item("Espresso", 45m, 9));
            }

            shop.Clock.Advance(TimeSpan.FromDays(1));
        }

        shop.Sales.Refund(receipts[3].Till, receipts[3].Receipt, shop.Clock.GetUtcNow());
        shop.Sales.Refund(receipts[^1].Till, receipts[^1].Receipt, shop.Clock.GetUtcNow());
        shop.Manager.AdjustPoints(ada, new Points(-7), "entered twice", "2468");
        shop.Manager.AdjustPoints(bea, new Points(40), "goodwill", "2468");
        Assert.Throws<Security.PinRefusedException>(() => shop.Manager.AdjustPoints(bea, new Points(400), "greed", "0000"));
        shop.Privacy.Merge(cy, dup);

        var code = shop.Coupons.List(cy)[0].Code;
        shop.Coupons.Redeem(code);

        shop.Clock.Advance(TimeSpan.FromDays(400)); // a long absence: expiry and welcome-back
        Sale(bea, 10m);
        Sale(cy, 10m);
        shop.Privacy.Erase(ada);

        Assert.True(shop.Scalar("SELECT COUNT(DISTINCT reason) FROM ledger") >= 7, "the scenario mixes many kinds of ledger row");
        Assert.Equal(0, shop.BalancesOffTheLedger());
        foreach (var id in new[] { ada, bea, cy, dup })
        {
            Assert.Equal(shop.LedgerSum(id), shop.Balance(id));
        }

        Assert.Equal(0, shop.Maintenance.Check().BalanceMismatches);
    }
}
