using System.Text.Json.Nodes;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Sales;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests.Outbox;

/// <summary>Stamps across two real files, handed over as the chain hands them: each till's count is the sum of both tills' rows.</summary>
public sealed class ChainStampTests
{
    [Fact]
    public void Events_carry_the_stamp_rows_they_wrote()
    {
        using var a = new TestShop();
        var ada = a.Enrol("Ada", "CARD0001");
        for (var visit = 0; visit < 8; visit++)
        {
            a.Buy(ada, 3m, Item("Espresso", 3m));
        }

        var events = OutboxTests.Events(a);
        var enrolment = JsonNode.Parse(events[0].PayloadJson)!;
        Assert.Equal(2, enrolment["openingStamps"]![0]!["delta"]!.GetValue<long>());
        Assert.Equal("enrolment", enrolment["openingStamps"]![0]!["reason"]!.GetValue<string>());

        var sale = JsonNode.Parse(events.First(e => e.Kind == ChainEventKinds.SaleRecorded).PayloadJson)!;
        var stamp = Assert.Single(sale["stamps"]!.AsArray())!;
        Assert.Equal((1L, "stamp", "coffee"), (stamp["delta"]!.GetValue<long>(), stamp["reason"]!.GetValue<string>(), stamp["program"]!.GetValue<string>()));

        var issued = JsonNode.Parse(Assert.Single(events, e => e.Kind == ChainEventKinds.CouponIssued).PayloadJson)!;
        var consumed = Assert.Single(issued["stamps"]!.AsArray())!;
        Assert.Equal((-10L, "coupon"), (consumed["delta"]!.GetValue<long>(), consumed["reason"]!.GetValue<string>()));

        // The filling sale's own event carries its stamp only: the consumption travels once, with the coupon.
        var filling = JsonNode.Parse(events[^1].PayloadJson)!;
        Assert.Equal([1L], filling["stamps"]!.AsArray().Select(r => r!["delta"]!.GetValue<long>()));
    }

    [Fact]
    public void A_customer_enrolled_at_A_fills_the_card_at_B_and_gets_the_coupon_there()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        var adaAtA = a.Enrol("Ada", "CARD0001");
        for (var visit = 0; visit < 4; visit++)
        {
            a.Buy(adaAtA, 3m, Item("Espresso", 3m));
        }

        new ChainInbox(b.Database, b.Clock).Receive(ChainInboxTests.AsPulled(a, "till-A"));
        var adaAtB = b.Customers.Resolve("CARD0001");
        Assert.Equal(6, b.Stamps(adaAtB));

        SaleOutcome? last = null;
        for (var visit = 0; visit < 4; visit++)
        {
            last = b.Buy(adaAtB, 3m, Item("Espresso", 3m));
        }

        Assert.Equal("Free coffee", Assert.Single(last!.CouponsIssued).Reward);
        Assert.Equal(0, b.Stamps(adaAtB));

        new ChainInbox(a.Database, a.Clock).Receive(ChainInboxTests.AsPulled(b, "till-B"));
        Assert.Equal(0, a.Stamps(adaAtA));
        Assert.Equal(1, a.Scalar("SELECT COUNT(*) FROM coupons WHERE source = 'stamp-card:coffee' AND till_id = 'shop-1/till-B'"));
        Assert.Equal(5, a.Scalar("SELECT COUNT(*) FROM stamp_events WHERE till LIKE 'shop-1/%'")); // four stamps, one card consumed
    }

    [Fact]
    public void Two_tills_that_fill_the_same_card_apart_both_show_the_debt_and_later_stamps_pay_it()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        var adaAtA = a.Enrol("Ada", "CARD0001");
        for (var visit = 0; visit < 7; visit++)
        {
            a.Buy(adaAtA, 3m, Item("Espresso", 3m));
        }

        var inboxA = new ChainInbox(a.Database, a.Clock);
        var inboxB = new ChainInbox(b.Database, b.Clock);
        inboxB.Receive(ChainInboxTests.AsPulled(a, "till-A"));
        var adaAtB = b.Customers.Resolve("CARD0001");
        Assert.Equal(9, b.Stamps(adaAtB));

        // Apart: each till fills the card with one stamp and prints a coupon.
        Assert.Single(a.Buy(adaAtA, 3m, Item("Espresso", 3m)).CouponsIssued);
        Assert.Single(b.Buy(adaAtB, 3m, Item("Espresso", 3m)).CouponsIssued);

        // Together again; pulled twice, as after a retried round: nothing is applied twice.
        for (var round = 0; round < 2; round++)
        {
            inboxA.Receive(ChainInboxTests.AsPulled(b, "till-B"));
            inboxB.Receive(ChainInboxTests.AsPulled(a, "till-A"));
        }

        foreach (var (shop, ada) in new[] { (a, adaAtA), (b, adaAtB) })
        {
            var card = shop.Customers.GetProfile(ada).Stamps.Single(s => s.Program == "coffee");
            Assert.Equal((0, 9), (card.Count, card.Owed));
            Assert.Equal(2, shop.Scalar("SELECT COUNT(*) FROM coupons WHERE source = 'stamp-card:coffee'"));
        }

        // No event was dropped: each till holds both tills' consumptions.
        Assert.Equal(2, a.Scalar("SELECT COUNT(*) FROM stamp_events WHERE reason = 'coupon'"));

        var later = a.Buy(adaAtA, 3m, Item("Espresso", 3m));
        Assert.Empty(later.CouponsIssued);
        Assert.Equal(8, later.Stamps.Single(s => s.Program == "coffee").Owed);
        inboxB.Receive(ChainInboxTests.AsPulled(a, "till-A"));
        Assert.Equal(-8, b.Stamps(adaAtB));
    }
}
