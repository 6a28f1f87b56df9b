using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Raffle;

namespace PosLoyalty.Storage.Tests.Raffle;

public sealed class RaffleDrawsTests : IDisposable
{
    private readonly TestShop shop = new();

    public void Dispose() => shop.Dispose();

    [Fact]
    public void Erased_customers_are_not_entrants_and_the_draw_is_recorded_once()
    {
        var stays = shop.Enrol("Stays", "4001");
        var leaves = shop.Enrol("Leaves", "4002");
        shop.Buy(stays, 5m);
        shop.Buy(leaves, 5m);
        shop.Privacy.Erase(leaves);
        shop.Clock.Advance(TimeSpan.FromDays(40));
        var raffle = new RaffleDraws(shop.Database, shop.Clock);

        var result = raffle.Draw("2025-06");

        Assert.Equal(1, result.Entrants);
        Assert.Equal(stays, result.Winner);
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM raffle_draws WHERE month = '2025-06'"));
        var again = Assert.Throws<DomainValidationException>(() => raffle.Draw("2025-06"));
        Assert.Contains($"winner customer {stays}", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_that_is_not_over_is_not_drawn()
    {
        shop.Buy(shop.Enrol("Early", "4003"), 5m);
        Assert.Throws<DomainValidationException>(() => new RaffleDraws(shop.Database, shop.Clock).Draw("2025-06"));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM raffle_draws"));
    }
}
