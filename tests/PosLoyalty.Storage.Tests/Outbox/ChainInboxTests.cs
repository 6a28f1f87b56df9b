using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Outbox;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests.Outbox;

/// <summary>Two real files: what one till's outbox holds, as the chain hands it to another till.</summary>
public sealed class ChainInboxTests
{
    [Fact]
    public void A_customer_enrolled_at_one_till_is_found_at_another_with_their_points()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        var ada = EnrolAndBuy(a);
        var pointsAtA = a.Balance(ada);
        Assert.True(pointsAtA > 0, "the test's premise: the sale earned points");

        var applied = new ChainInbox(b.Database, b.Clock).Receive(AsPulled(a, "till-A"));

        Assert.Equal(2, applied);
        var found = b.Customers.FindByCard(CardNumber.Parse("CARD0001"));
        Assert.NotNull(found);
        var profile = b.Customers.GetProfile(found.CustomerId);
        Assert.Equal("Ada", profile.Customer.DisplayName);
        Assert.Equal(pointsAtA, profile.Balance.Value);
        Assert.Equal(1, profile.Visits);
        Assert.Equal(0, b.BalancesOffTheLedger());
        Assert.Equal(0, b.Scalar("SELECT COUNT(*) FROM chain_outbox"));
    }

    [Fact]
    public void Receiving_the_same_events_twice_changes_nothing()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        EnrolAndBuy(a);
        var inbox = new ChainInbox(b.Database, b.Clock);
        inbox.Receive(AsPulled(a, "till-A"));
        var counts = Counts(b.DatabasePath);

        var again = inbox.Receive(AsPulled(a, "till-A"));

        Assert.Equal(0, again);
        Assert.Equal(counts, Counts(b.DatabasePath));
        Assert.Equal(2, inbox.Cursors()[("shop-1", "till-A")]);
    }

    [Fact]
    public void A_sale_for_a_customer_not_heard_of_yet_waits_and_applies_once_the_enrolment_arrives()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        EnrolAndBuy(a);
        var events = AsPulled(a, "till-A");

        // The till's second event with its first left out: a gap, so neither is taken yet.
        var inbox = new ChainInbox(b.Database, b.Clock);
        Assert.Equal(0, inbox.Receive([events[1]]));
        Assert.Equal(0, b.Scalar("SELECT COUNT(*) FROM sales"));

        Assert.Equal(2, inbox.Receive(events));
        Assert.Equal(1, b.Scalar("SELECT COUNT(*) FROM sales WHERE till_id = 'shop-1/till-1' AND source = 'chain'"));
    }

    [Fact]
    public void A_card_this_till_already_gave_someone_else_is_a_conflict_not_a_second_holder()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        a.Enrol("Ada", "CARD0001");
        b.Enrol("Someone else", "CARD0001");

        new ChainInbox(b.Database, b.Clock).Receive(AsPulled(a, "till-A"));

        Assert.Equal(1, new ChainOutbox(b.Database).ReadState().Conflicts);
        Assert.Equal("Someone else", b.Customers.GetProfile(b.Customers.FindByCard(CardNumber.Parse("CARD0001"))!.CustomerId).Customer.DisplayName);
    }

    /// <summary>Two events at till A: Ada's enrolment, then her sale.</summary>
    private static CustomerId EnrolAndBuy(TestShop a)
    {
        var ada = a.Enrol("Ada", "CARD0001");
        a.Buy(ada, 7m, Item("Latte", 7m));
        return ada;
    }

    internal static List<PulledEvent> AsPulled(TestShop shop, string tillId) =>
        [.. OutboxTests.Events(shop).Select(e => new PulledEvent(e.Seq, e.EventId, "shop-1", tillId, e.Seq, e.Kind, e.Customer, e.PayloadJson, e.At))];
}
