using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Reports;

namespace PosLoyalty.Storage.Tests.Reports;

public sealed class LapsedCustomersTests : IDisposable
{
    private readonly TestShop shop = new();

    public void Dispose() => shop.Dispose();

    [Fact]
    public void Three_times_the_usual_gap_is_lapsed_and_contact_needs_consent()
    {
        var weekly = shop.Enrol("Weekly", "2001", phone: "+31 6 1111 2222");
        for (var i = 0; i < 4; i++)
        {
            shop.Buy(weekly, 5m, TestShop.Item("Flat white", 3m), TestShop.Item("Flat white", 2m));
            shop.Clock.Advance(TimeSpan.FromDays(7));
        }

        shop.Clock.Advance(TimeSpan.FromDays(10)); // 17 days since the last visit: under 3 × 7
        Assert.Empty(new LapsedCustomers(shop.Database, shop.Clock).Run(90));

        shop.Clock.Advance(TimeSpan.FromDays(5)); // 22 days
        var lapsed = Assert.Single(new LapsedCustomers(shop.Database, shop.Clock).Run(90));
        Assert.Equal(7.0, lapsed.UsualGapDays);
        Assert.Equal(["Flat white"], lapsed.UsualItems);
        Assert.Null(lapsed.Contact);

        shop.Customers.Edit(weekly, new CustomerEdit { MarketingConsent = true });
        Assert.Equal("+31 6 1111 2222", Assert.Single(new LapsedCustomers(shop.Database, shop.Clock).Run(90)).Contact?.Phone);
    }
}
