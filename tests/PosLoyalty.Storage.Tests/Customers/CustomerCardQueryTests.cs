using PosLoyalty.Storage.Customers;

namespace PosLoyalty.Storage.Tests.Customers;

/// <summary>The customer card is one read: the profile and the counter facts come from the same snapshot.</summary>
public sealed class CustomerCardQueryTests : IDisposable
{
    private readonly TestShop shop = new();

    [Fact]
    public void A_sale_committed_between_the_profile_and_the_facts_is_in_neither_so_points_visits_and_usually_buys_agree()
    {
        var anna = shop.Enrol("Anna Rossi", "20000000042");
        shop.Buy(anna, 4.20m, TestShop.Item("Latte", 4.20m));
        shop.Clock.Advance(TimeSpan.FromDays(1));
        var counter = new CounterQueries(shop.Database, TestShop.Rules, shop.Clock);
        var before = new CustomerCardQuery(shop.Database, shop.Customers, counter, shop.Clock).Read(anna);
        var committed = 0;
        var racing = new CustomerCardQuery(shop.Database, shop.Customers, counter, shop.Clock)
        {
            // The till records Anna's next sale exactly where the card's two reads used to be two transactions.
            BetweenReads = () =>
            {
                shop.Buy(anna, 30m, TestShop.Item("Croissant", 3m, quantity: 10));
                committed++;
            },
        };

        var card = racing.Read(anna);
        var after = new CustomerCardQuery(shop.Database, shop.Customers, counter, shop.Clock).Read(anna);

        Assert.Equal(1, committed);
        Assert.Equal(before.Profile.Balance, card.Profile.Balance);
        Assert.Equal(before.Profile.Visits, card.Profile.Visits);
        Assert.Equal(["Latte"], card.Facts.UsuallyBuys);

        // The sale did commit (the writer never waits on the card's read): the next card has it everywhere.
        Assert.True(after.Profile.Balance.Value > card.Profile.Balance.Value);
        Assert.True(after.Profile.Visits > card.Profile.Visits);
        Assert.Contains("Croissant", after.Facts.UsuallyBuys);
    }

    [Fact]
    public void A_customer_who_does_not_exist_is_not_found()
    {
        var counter = new CounterQueries(shop.Database, TestShop.Rules, shop.Clock);
        var query = new CustomerCardQuery(shop.Database, shop.Customers, counter, shop.Clock);

        Assert.Throws<NotFoundException>(() => query.Read(new Domain.Values.CustomerId(4242)));
    }

    public void Dispose() => shop.Dispose();
}
