using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Sales;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

public sealed class SaleRecorderTests
{
    private static readonly MonthDay ThisWeek = MonthDay.Create(6, 4);

    [Fact]
    public void New_customer_starts_with_the_pre_stamped_boxes()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        Assert.Equal(Rules.StampCards.Single(c => c.Id == "coffee").PreStamped, shop.Stamps(id));
    }

    [Fact]
    public void New_customers_eighth_coffee_visit_issues_a_free_coffee()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        for (var visit = 1; visit <= 7; visit++)
        {
            var outcome = shop.Buy(id, 3.50m, Item("Latte", 3.50m));
            Assert.Empty(outcome.CouponsIssued);
            shop.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(9, shop.Stamps(id));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM coupons"));

        var eighth = shop.Buy(id, 3.50m, Item("Cappuccino", 3.50m));
        var coupon = Assert.Single(eighth.CouponsIssued);
        Assert.Equal("Free coffee", coupon.Reward);
        Assert.Equal(CouponStatus.Active, coupon.Status);
        Assert.Equal(0, eighth.Stamps.Single(s => s.Program == "coffee").Count);
        Assert.Equal(0, shop.Stamps(id));

        // Committed with the sale, before anything could print it.
        var stored = shop.Coupons.Get(coupon.Code);
        Assert.Equal(id, stored.CustomerId);
        Assert.Equal(shop.Clock.GetUtcNow().AddDays(Rules.Coupons.ValidDays), stored.ExpiresAt);
    }

    [Fact]
    public void Replayed_receipt_earns_nothing_twice()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001", birthday: ThisWeek);
        var sale = shop.NewSale(12m, Item("Flat white", 4m, 2), Item("Scone", 4m));
        var first = shop.Sales.Apply(id, sale);
        Assert.False(first.Duplicate);
        Assert.NotEmpty(first.CouponsIssued);
        var before = Snapshot(shop, id);

        shop.Clock.Advance(TimeSpan.FromMinutes(3));
        var replay = shop.Sales.Apply(id, sale);
        Assert.True(replay.Duplicate);
        Assert.Equal(Points.Zero, replay.PointsEarned);
        Assert.Empty(replay.CouponsIssued);
        Assert.Equal(first.PointsBalance, replay.PointsBalance);
        Assert.Equal(before, Snapshot(shop, id));

        // The same receipt number with other content is still the same receipt.
        var altered = sale with { Total = new Money(99m, Eur), Items = [] };
        Assert.True(shop.Sales.Apply(id, altered).Duplicate);
        Assert.Equal(before, Snapshot(shop, id));
    }

    [Fact]
    public void Same_receipt_number_on_another_till_is_another_sale()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var sale = shop.NewSale(10m);
        shop.Sales.Apply(id, sale);
        var other = shop.Sales.Apply(id, sale with { TillId = "till-2" });
        Assert.False(other.Duplicate);
        Assert.Equal(2, shop.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void Sale_in_another_currency_is_refused_and_stores_nothing()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var usd = CurrencyCode.Parse("USD");
        var sale = Sale.Create("till-1", "R1", new Money(10m, usd), shop.Clock.GetUtcNow(), []);
        var ex = Assert.Throws<DomainValidationException>(() => shop.Sales.Apply(id, sale));
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void Referral_rewards_both_customers_on_the_first_purchase_only()
    {
        using var shop = new TestShop();
        var referrer = shop.Enrol("Ada", "CARD0001");
        var friend = shop.Enrol("Bea", "CARD0002", referredByCard: "CARD0001");
        shop.Buy(friend, 5m);
        Assert.Equal(Rules.Referral!.BonusPoints, shop.Balance(referrer));
        Assert.Equal(5 + Rules.Referral.BonusPoints, shop.Balance(friend));

        shop.Clock.Advance(TimeSpan.FromDays(1));
        shop.Buy(friend, 5m);
        Assert.Equal(Rules.Referral.BonusPoints, shop.Balance(referrer));
        Assert.Equal(0, shop.BalancesOffTheLedger());
    }

    [Fact]
    public void Refund_reverses_points_and_stamps_and_voids_unused_coupons()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001", birthday: ThisWeek);
        var stampsBefore = shop.Stamps(id);
        var sale = shop.NewSale(12m, Item("Latte", 8m, 2), Item("Scone", 4m));
        var outcome = shop.Sales.Apply(id, sale);
        var coupon = Assert.Single(outcome.CouponsIssued);
        Assert.Equal(stampsBefore + 2, shop.Stamps(id));
        Assert.True(outcome.PointsBalance.Value > 0);

        shop.Clock.Advance(TimeSpan.FromHours(1));
        var refund = shop.Sales.Refund(sale.TillId, sale.ReceiptNumber, shop.Clock.GetUtcNow());
        Assert.False(refund.Duplicate);
        Assert.Equal(-outcome.PointsBalance, refund.PointsChange);
        Assert.Equal(Points.Zero, refund.PointsBalance);
        Assert.Equal(0, shop.Balance(id));
        Assert.Equal(0, shop.LedgerSum(id));
        Assert.Equal(stampsBefore, shop.Stamps(id));
        Assert.Equal([coupon.Code.Value], refund.CouponsVoided);
        Assert.Equal(CouponStatus.Voided, shop.Coupons.Get(coupon.Code).Status);
        Assert.Throws<Coupons.CouponNotRedeemableException>(() => shop.Coupons.Redeem(coupon.Code));
    }

    [Fact]
    public void Replayed_refund_changes_nothing()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var sale = shop.NewSale(30m, Item("Latte", 30m, 3));
        shop.Sales.Apply(id, sale);
        shop.Sales.Refund(sale.TillId, sale.ReceiptNumber, shop.Clock.GetUtcNow());
        var before = Snapshot(shop, id);

        var replay = shop.Sales.Refund(sale.TillId, sale.ReceiptNumber, shop.Clock.GetUtcNow().AddMinutes(1));
        Assert.True(replay.Duplicate);
        Assert.Equal(Points.Zero, replay.PointsChange);
        Assert.Empty(replay.CouponsVoided);
        Assert.Equal(before, Snapshot(shop, id));
    }

    [Fact]
    public void Refund_of_an_unknown_receipt_is_refused_naming_it()
    {
        using var shop = new TestShop();
        _ = shop.Database;
        var ex = Assert.Throws<NotFoundException>(() => shop.Sales.Refund("till-1", "R-404", shop.Clock.GetUtcNow()));
        Assert.Contains("R-404", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refund_of_the_sale_that_filled_the_card_gives_the_card_back_when_the_coupon_is_unused()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var last = FillCard(shop, id);
        var coupon = Assert.Single(shop.Coupons.List(id));

        var refund = shop.Sales.Refund(last.TillId, last.ReceiptNumber, shop.Clock.GetUtcNow());
        Assert.Equal([coupon.Code.Value], refund.CouponsVoided);
        Assert.Equal(9, shop.Stamps(id));
        Assert.Equal(-10, shop.Scalar("SELECT SUM(delta) FROM stamp_events WHERE coupon_code = $code", ("$code", coupon.Code.Value)));
        Assert.Equal(9, shop.Scalar("SELECT SUM(delta) FROM stamp_events WHERE reason = 'refund' AND customer_id = $id", ("$id", id.Value))); // the sale's stamp back, the unused card's ten given back
    }

    [Fact]
    public void Refund_after_the_coupon_was_redeemed_keeps_the_coupon_and_does_not_give_the_card_back()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var (last, lastOutcome) = FillCardWithOutcome(shop, id);
        var coupon = Assert.Single(shop.Coupons.List(id));
        shop.Coupons.Redeem(coupon.Code);
        var balanceBefore = shop.Balance(id);

        shop.Clock.Advance(TimeSpan.FromHours(1));
        var refund = shop.Sales.Refund(last.TillId, last.ReceiptNumber, shop.Clock.GetUtcNow());
        Assert.Empty(refund.CouponsVoided);
        var after = shop.Coupons.Get(coupon.Code);
        Assert.Equal(CouponStatus.Redeemed, after.Status);
        Assert.Null(after.VoidedAt);
        Assert.Equal(0, shop.Stamps(id));
        Assert.Equal(-10, shop.Scalar("SELECT SUM(delta) FROM stamp_events WHERE coupon_code = $code", ("$code", coupon.Code.Value))); // the used coupon's card stays spent
        Assert.Equal(balanceBefore - lastOutcome.PointsEarned.Value, shop.Balance(id));
        Assert.Equal(0, shop.BalancesOffTheLedger());
    }

    [Fact]
    public void Refund_does_not_bring_back_points_that_had_expired()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        shop.Buy(id, 300m);
        Assert.Equal(300, shop.Balance(id));

        shop.Clock.Advance(TimeSpan.FromDays(400)); // a year without a visit: the 300 lapse
        var late = shop.NewSale(10m);
        var outcome = shop.Sales.Apply(id, late);
        Assert.Contains(outcome.Entries, e => e.Reason == LedgerReason.Expiry && e.Delta == new Points(-300));

        shop.Sales.Refund(late.TillId, late.ReceiptNumber, shop.Clock.GetUtcNow());
        Assert.Equal(0, shop.Balance(id));
    }

    [Fact]
    public void Two_receipts_the_same_local_morning_earn_one_repeat_visit_bonus()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var local = TimeSpan.FromHours(2);
        shop.Sales.Apply(id, Sale.Create("till-1", "R1", new Money(5m, Eur), new DateTimeOffset(2025, 6, 2, 12, 0, 0, local), []));

        // 00:30 and 10:00 on Tuesday in the shop are two receipts on one day (the first is still Monday in UTC).
        var early = shop.Sales.Apply(id, Sale.Create("till-1", "R2", new Money(5m, Eur), new DateTimeOffset(2025, 6, 3, 0, 30, 0, local), []));
        var later = shop.Sales.Apply(id, Sale.Create("till-1", "R3", new Money(5m, Eur), new DateTimeOffset(2025, 6, 3, 10, 0, 0, local), []));
        Assert.Contains(early.Entries, e => e.Reason == LedgerReason.RepeatVisit);
        Assert.DoesNotContain(later.Entries, e => e.Reason == LedgerReason.RepeatVisit);
    }

    [Fact]
    public void Refund_after_a_merge_takes_the_points_from_the_kept_customer()
    {
        using var shop = new TestShop();
        var keep = shop.Enrol("Ada Lovelace", "CARD0001");
        var duplicate = shop.Enrol("Ada L.", "CARD0002");
        shop.Buy(keep, 10m);
        var sale = shop.NewSale(25m);
        shop.Sales.Apply(duplicate, sale);
        shop.Privacy.Merge(keep, duplicate);
        Assert.Equal(35, shop.Balance(keep));

        shop.Sales.Refund(sale.TillId, sale.ReceiptNumber, shop.Clock.GetUtcNow());
        Assert.Equal(10, shop.Balance(keep));
        Assert.Equal(0, shop.Balance(duplicate));
        Assert.Equal(0, shop.BalancesOffTheLedger());
    }

    [Fact]
    public void Birthday_is_rewarded_once_in_its_week_whatever_the_hour()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001", birthday: MonthDay.Create(6, 4));
        var local = TimeSpan.FromHours(2);

        // Monday 01:00 in the shop is still Sunday in UTC; the birthday week is Monday 2 to Sunday 8 June.
        var first = shop.Sales.Apply(id, Sale.Create("till-1", "R1", new Money(5m, Eur), new DateTimeOffset(2025, 6, 2, 1, 0, 0, local), []));
        var second = shop.Sales.Apply(id, Sale.Create("till-1", "R2", new Money(5m, Eur), new DateTimeOffset(2025, 6, 5, 10, 0, 0, local), []));
        Assert.Contains(first.Entries, e => e.Reason == LedgerReason.Birthday);
        Assert.DoesNotContain(second.Entries, e => e.Reason == LedgerReason.Birthday);
        Assert.Empty(second.CouponsIssued);
    }

    private static Sale FillCard(TestShop shop, CustomerId id) => FillCardWithOutcome(shop, id).Sale;

    private static (Sale Sale, SaleOutcome Outcome) FillCardWithOutcome(TestShop shop, CustomerId id)
    {
        Sale? last = null;
        SaleOutcome? outcome = null;
        for (var visit = 1; visit <= 8; visit++)
        {
            last = shop.NewSale(3m, Item("Espresso", 3m));
            outcome = shop.Sales.Apply(id, last);
            shop.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(0, shop.Stamps(id));
        return (last!, outcome!);
    }

    private static (long Balance, long Stamps, long LedgerRows, long Coupons, long Sales, long Items, long StampEvents, long Visits) Snapshot(TestShop shop, CustomerId id) =>
        (shop.Balance(id),
         shop.Stamps(id),
         shop.Scalar("SELECT COUNT(*) FROM ledger"),
         shop.Scalar("SELECT COUNT(*) FROM coupons"),
         shop.Scalar("SELECT COUNT(*) FROM sales"),
         shop.Scalar("SELECT COUNT(*) FROM sale_items"),
         shop.Scalar("SELECT COUNT(*) FROM stamp_events"),
         shop.Scalar("SELECT visit_count FROM customers WHERE id = $id", ("$id", id.Value)));
}
