using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

public sealed class CouponRepositoryTests
{
    [Fact]
    public async Task Twenty_tills_redeeming_one_coupon_at_once_let_exactly_one_win()
    {
        using var shop = new TestShop();
        var code = IssueBirthdayCoupon(shop);
        const int tills = 20;

        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, tills + 4), io);
        try
        {
            using var barrier = new Barrier(tills);
            var attempts = Enumerable.Range(0, tills).Select(_ => Task.Run(() =>
            {
                var repository = new CouponRepository(shop.Database, shop.Clock);
                barrier.SignalAndWait(TimeSpan.FromSeconds(30));
                try
                {
                    repository.Redeem(code);
                    return (Won: true, Error: (Exception?)null);
                }
                catch (Exception ex)
                {
                    return (Won: false, Error: ex);
                }
            })).ToArray();
            var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Single(results, r => r.Won);
            Assert.All(results.Where(r => !r.Won), r => Assert.IsType<CouponNotRedeemableException>(r.Error));
            Assert.Equal(tills - 1, results.Count(r => r.Error is CouponNotRedeemableException));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }

        Assert.Equal(CouponStatus.Redeemed, shop.Coupons.Get(code).Status);
    }

    [Fact]
    public void Redeeming_twice_says_when_it_was_redeemed()
    {
        using var shop = new TestShop();
        var code = IssueBirthdayCoupon(shop);
        shop.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 3, 9, 41, 7, TimeSpan.Zero));
        var first = shop.Coupons.Redeem(code);
        Assert.Equal(shop.Clock.GetUtcNow(), first.RedeemedAt);

        shop.Clock.Advance(TimeSpan.FromMinutes(5));
        var ex = Assert.Throws<CouponNotRedeemableException>(() => shop.Coupons.Redeem(code));
        Assert.Contains("already redeemed at 2025-06-03 09:41:07 UTC", ex.Message, StringComparison.Ordinal);
        Assert.Contains(code.ToDisplayString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(first.RedeemedAt, shop.Coupons.Get(code).RedeemedAt);
    }

    [Fact]
    public void Voided_coupon_cannot_be_redeemed_and_the_void_is_audited()
    {
        using var shop = new TestShop();
        var code = IssueBirthdayCoupon(shop);
        shop.Coupons.Void(code, "printed twice by mistake");

        var ex = Assert.Throws<CouponNotRedeemableException>(() => shop.Coupons.Redeem(code));
        Assert.Contains("voided", ex.Message, StringComparison.Ordinal);
        var stored = shop.Coupons.Get(code);
        Assert.Equal(CouponStatus.Voided, stored.Status);
        Assert.Null(stored.RedeemedAt);
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'coupon-void' AND allowed = 1 AND detail LIKE '%printed twice%'"));
    }

    [Fact]
    public void Redeemed_coupon_cannot_be_voided()
    {
        using var shop = new TestShop();
        var code = IssueBirthdayCoupon(shop);
        shop.Coupons.Redeem(code);
        var ex = Assert.Throws<CouponNotRedeemableException>(() => shop.Coupons.Void(code, "too late"));
        Assert.Contains("redeemed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(CouponStatus.Redeemed, shop.Coupons.Get(code).Status);
    }

    [Fact]
    public void Expired_coupon_is_refused_with_its_expiry()
    {
        using var shop = new TestShop();
        var code = IssueBirthdayCoupon(shop);
        shop.Clock.Advance(TimeSpan.FromDays(Rules.Coupons.ValidDays));
        var ex = Assert.Throws<CouponNotRedeemableException>(() => shop.Coupons.Redeem(code));
        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.Equal(CouponStatus.Expired, shop.Coupons.Get(code).Status);
    }

    [Fact]
    public void Unknown_code_is_not_found()
    {
        using var shop = new TestShop();
        _ = shop.Database;
        var code = CouponCode.NewRandom();
        var ex = Assert.Throws<NotFoundException>(() => shop.Coupons.Redeem(code));
        Assert.Contains(code.ToDisplayString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM coupons"));
    }

    [Fact]
    public void Points_conversion_issues_a_money_off_coupon()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var outcome = shop.Buy(id, 520m);
        var coupon = Assert.Single(outcome.CouponsIssued, c => c.Source == "points");
        Assert.Equal(Rules.PointsConversion!.Reward.Value, coupon.Value);
        Assert.Equal("EUR", coupon.Currency);
        Assert.Equal(20, shop.Balance(id));
        Assert.Equal(20, shop.LedgerSum(id));
    }

    internal static CouponCode IssueBirthdayCoupon(TestShop shop)
    {
        var id = shop.Enrol("Ada", "CARD0001", birthday: MonthDay.Create(6, 4));
        var outcome = shop.Buy(id, 2m, Item("Scone", 2m));
        return Assert.Single(outcome.CouponsIssued).Code;
    }
}
