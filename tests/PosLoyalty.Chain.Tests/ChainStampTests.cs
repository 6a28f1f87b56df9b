namespace PosLoyalty.Chain.Tests;

/// <summary>Stamps as a ledger summed across tills, through a real PostgreSQL: every till's card is the chain-wide sum.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChainStampTests(PostgresCluster cluster)
{
    [PostgresClusterFact]
    public async Task A_customer_enrolled_at_A_fills_the_card_with_stamps_at_B_and_gets_the_coupon_at_B()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        for (var visit = 0; visit < 3; visit++)
        {
            a.Sell("CARD0001", 3m);
        }

        await a.SyncAsync();
        await b.SyncAsync();
        Assert.Equal((5, 0), (b.CoffeeCard("CARD0001").Count, b.CoffeeCard("CARD0001").Owed));

        var issued = new List<string>();
        for (var visit = 0; visit < 5; visit++)
        {
            issued.AddRange(b.Sell("CARD0001", 3m).CouponsIssued.Select(c => c.Reward));
        }

        Assert.Equal(["Free coffee"], issued);
        await b.SyncAsync();
        await a.SyncAsync();
        Assert.Equal((0, 0), (a.CoffeeCard("CARD0001").Count, a.CoffeeCard("CARD0001").Owed));
        Assert.Equal((0, 0), (b.CoffeeCard("CARD0001").Count, b.CoffeeCard("CARD0001").Owed));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM events WHERE kind = 'coupon-issued' AND till_id = 'till-b' AND payload->'stamps'->0->>'delta' = '-10'"));
    }

    [PostgresClusterFact]
    public async Task Two_tills_offline_that_fill_the_same_card_both_show_the_debt_after_sync_and_later_stamps_fill_it()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        for (var visit = 0; visit < 7; visit++)
        {
            a.Sell("CARD0001", 3m);
        }

        await a.SyncAsync();
        await b.SyncAsync();
        Assert.Equal(9, b.CoffeeCard("CARD0001").Count);

        // Offline: neither till syncs, and each fills the card with one stamp and prints its coupon.
        Assert.Single(a.Sell("CARD0001", 3m).CouponsIssued);
        Assert.Single(b.Sell("CARD0001", 3m).CouponsIssued);

        await a.SyncAsync();
        await b.SyncAsync();
        await a.SyncAsync();
        await a.SyncAsync();
        await b.SyncAsync();

        foreach (var till in new[] { a, b })
        {
            var card = till.CoffeeCard("CARD0001");
            Assert.Equal((0, 9), (card.Count, card.Owed));
        }

        // Nothing was dropped to settle it: both coupons and both consumptions are in the chain.
        Assert.Equal(2, db.Scalar("SELECT count(*) FROM events WHERE kind = 'coupon-issued' AND payload->'stamps'->0->>'reason' = 'coupon'"));

        var paying = new List<int>();
        for (var visit = 0; visit < 9; visit++)
        {
            var sale = (visit % 2 == 0 ? a : b).Sell("CARD0001", 3m);
            Assert.DoesNotContain(sale.CouponsIssued, c => c.Reward == "Free coffee");
            paying.Add(sale.Stamps.Single(s => s.Program == "coffee").Owed);
            await (visit % 2 == 0 ? a : b).SyncAsync();
            await (visit % 2 == 0 ? b : a).SyncAsync();
        }

        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1, 0], paying);
        Assert.Equal((0, 0), (a.CoffeeCard("CARD0001").Count, a.CoffeeCard("CARD0001").Owed));
        Assert.Equal((0, 0), (b.CoffeeCard("CARD0001").Count, b.CoffeeCard("CARD0001").Owed));
        Assert.Equal(1, b.Sell("CARD0001", 3m).Stamps.Single(s => s.Program == "coffee").Count);
    }
}
