using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Tests;

public sealed class LoyaltyRulesEngineTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");
    private static readonly TimeSpan Local = TimeSpan.FromHours(2);

    // 2025-06-02 is a Monday, 2025-06-03 a Tuesday.
    private static readonly DateTimeOffset Monday = new(2025, 6, 2, 10, 0, 0, Local);

    private static readonly Lazy<LoyaltyRules> ShippedRules = new(() =>
        LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "loyalty.json")), "kiosk-config/loyalty.json"));

    private static LoyaltyRules Shipped => ShippedRules.Value;

    private static LoyaltyRules Plain(decimal perUnit = 1m, PointsRounding rounding = PointsRounding.Floor) =>
        new() { Currency = "EUR", Points = new PointsRule { PerCurrencyUnit = perUnit, Rounding = rounding } };

    [Fact]
    public void Shipped_rules_earn_a_point_per_euro_rounded_down()
    {
        var effects = Evaluate(State(), Sale(Monday, 12.99m), Shipped);
        var entry = Assert.Single(effects.Entries);
        Assert.Equal(new PointsEntry(new Points(12), LedgerReason.Purchase), entry);
        Assert.Equal(new Points(12), effects.PointsEarned);
    }

    [Theory]
    [InlineData(10.30, PointsRounding.Floor, 15)]
    [InlineData(10.30, PointsRounding.Nearest, 15)]
    [InlineData(10.30, PointsRounding.Ceiling, 16)]
    [InlineData(10.50, PointsRounding.Floor, 15)]
    [InlineData(10.50, PointsRounding.Nearest, 16)]
    [InlineData(10.50, PointsRounding.Ceiling, 16)]
    [InlineData(10.00, PointsRounding.Ceiling, 15)]
    [InlineData(0.01, PointsRounding.Floor, 0)]
    [InlineData(0.01, PointsRounding.Ceiling, 1)]
    public void Points_per_unit_are_rounded_once_as_configured(double total, PointsRounding rounding, long expected)
    {
        var rules = Plain(1.5m, rounding);
        Assert.Equal(new Points(expected), LoyaltyRulesEngine.PurchasePoints(Sale(Monday, (decimal)total), rules, 1m));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(249.99, 10)]
    [InlineData(250, 12)]
    [InlineData(750, 15)]
    [InlineData(5000, 20)]
    public void Tier_from_twelve_month_spend_multiplies_purchase_points(double spend, long expected)
    {
        var effects = Evaluate(State(spend: (decimal)spend), Sale(Monday, 10m), Shipped);
        Assert.Equal(new Points(expected), effects.PointsEarned);
    }

    [Fact]
    public void Tier_after_the_sale_counts_the_sale()
    {
        var effects = Evaluate(State(spend: 245m), Sale(Monday, 10m), Shipped);
        Assert.Equal("Silver", effects.TierAfter.Name);
        Assert.Equal("Gold", effects.TierAfter.NextTier);
        Assert.Equal(495m, effects.TierAfter.SpendToNextTier);
    }

    [Theory]
    [InlineData(13, 59, 59, 10)]
    [InlineData(14, 0, 0, 20)]
    [InlineData(16, 59, 59, 20)]
    [InlineData(17, 0, 0, 10)]
    public void Tuesday_afternoon_campaign_runs_from_two_until_five_local_time(int hour, int minute, int second, long expected)
    {
        var at = new DateTimeOffset(2025, 6, 3, hour, minute, second, Local);
        Assert.Equal(DayOfWeek.Tuesday, at.DayOfWeek);
        Assert.Equal(new Points(expected), Evaluate(State(), Sale(at, 10m), Shipped).PointsEarned);
    }

    [Fact]
    public void Tuesday_campaign_is_off_on_other_days_at_the_same_hour()
    {
        var wednesday = new DateTimeOffset(2025, 6, 4, 15, 0, 0, Local);
        Assert.Equal(new Points(10), Evaluate(State(), Sale(wednesday, 10m), Shipped).PointsEarned);
        Assert.Equal(new Points(10), Evaluate(State(), Sale(Monday.AddHours(5), 10m), Shipped).PointsEarned);
    }

    [Fact]
    public void Campaign_and_tier_multiply_together()
    {
        var tuesday = new DateTimeOffset(2025, 6, 3, 15, 0, 0, Local);
        Assert.Equal(new Points(30), Evaluate(State(spend: 750m), Sale(tuesday, 10m), Shipped).PointsEarned);
    }

    [Fact]
    public void Sku_campaign_multiplies_only_its_items()
    {
        var rules = Plain() with { Campaigns = [new CampaignRule { Name = "New scone", Multiplier = 3m, Skus = ["SCONE-1"] }] };
        var withScone = Sale(Monday, 10m, Item("scone-1", "Cheese scone", 1, 4m), Item("BREAD", "Sourdough", 1, 6m));
        var withoutScone = Sale(Monday, 10m, Item("BREAD", "Sourdough", 1, 10m));
        Assert.Equal(new Points(18), LoyaltyRulesEngine.PurchasePoints(withScone, rules, 1m));
        Assert.Equal(new Points(10), LoyaltyRulesEngine.PurchasePoints(withoutScone, rules, 1m));
    }

    [Fact]
    public void Campaigns_do_not_stack_the_highest_applies()
    {
        var rules = Plain() with
        {
            Campaigns =
            [
                new CampaignRule { Name = "Double", Multiplier = 2m },
                new CampaignRule { Name = "Triple", Multiplier = 3m },
            ],
        };
        Assert.Equal(new Points(30), LoyaltyRulesEngine.PurchasePoints(Sale(Monday, 10m), rules, 1m));
    }

    [Fact]
    public void Campaign_dates_are_inclusive()
    {
        var rules = Plain() with
        {
            Campaigns = [new CampaignRule { Name = "June week", Multiplier = 2m, StartDate = new DateOnly(2025, 6, 2), EndDate = new DateOnly(2025, 6, 8) }],
        };
        Assert.Equal(new Points(20), LoyaltyRulesEngine.PurchasePoints(Sale(new DateTimeOffset(2025, 6, 8, 23, 59, 0, Local), 10m), rules, 1m));
        Assert.Equal(new Points(10), LoyaltyRulesEngine.PurchasePoints(Sale(new DateTimeOffset(2025, 6, 9, 0, 0, 0, Local), 10m), rules, 1m));
        Assert.Equal(new Points(10), LoyaltyRulesEngine.PurchasePoints(Sale(new DateTimeOffset(2025, 6, 1, 23, 59, 0, Local), 10m), rules, 1m));
    }

    [Fact]
    public void Discount_line_scales_points_to_what_was_paid()
    {
        var sale = Sale(Monday, 10m, Item(null, "Cake", 1, 6m), Item(null, "Tea", 1, 6m));
        Assert.Equal(new Points(10), LoyaltyRulesEngine.PurchasePoints(sale, Plain(), 1m));
    }

    [Fact]
    public void Coffee_card_stamps_each_qualifying_item()
    {
        var card = Shipped.StampCards.Single(c => c.Id == "coffee");
        Assert.Equal(StampEarning.PerQualifyingItem, card.Earn);
        var sale = Sale(Monday, 10m, Item(null, "Flat white", 2, 7m), Item(null, "Croissant", 1, 3m));
        Assert.Equal(2, LoyaltyRulesEngine.StampsEarned(card, sale));
        var stamps = Assert.Single(Evaluate(State(stamps: 2), sale, Shipped).Stamps);
        Assert.Equal(new StampChange("coffee", 2, 0, 4, 10), stamps);
    }

    [Fact]
    public void Coffee_card_gets_no_stamp_for_a_sale_without_coffee()
    {
        var sale = Sale(Monday, 3m, Item(null, "Croissant", 1, 3m));
        Assert.Equal(0, LoyaltyRulesEngine.StampsEarned(Shipped.StampCards[0], sale));
        Assert.Empty(Evaluate(State(stamps: 2), sale, Shipped).Stamps);
    }

    [Fact]
    public void Sale_without_items_stamps_once()
    {
        Assert.Equal(1, LoyaltyRulesEngine.StampsEarned(Shipped.StampCards[0], Sale(Monday, 3m)));
    }

    [Fact]
    public void Per_visit_card_stamps_once_however_many_coffees()
    {
        var card = Shipped.StampCards[0] with { Earn = StampEarning.PerVisit };
        var sale = Sale(Monday, 12m, Item(null, "Latte", 3, 12m));
        Assert.Equal(1, LoyaltyRulesEngine.StampsEarned(card, sale));
        Assert.Equal(1, LoyaltyRulesEngine.StampsEarned(card, Sale(Monday, 3m, Item(null, "Croissant", 1, 3m))));
    }

    [Fact]
    public void Qualifying_skus_stamp_whatever_the_description()
    {
        var card = new StampCardRule { Id = "bread", Name = "Bread card", Boxes = 5, Earn = StampEarning.PerQualifyingItem, QualifyingSkus = ["LOAF"], Reward = new CouponReward { Description = "Free loaf" } };
        var sale = Sale(Monday, 8m, Item("loaf", "Sourdough", 2, 8m));
        Assert.Equal(2, LoyaltyRulesEngine.StampsEarned(card, sale));
    }

    [Fact]
    public void Full_card_issues_its_coupon_and_carries_the_overflow()
    {
        var sale = Sale(Monday, 12m, Item(null, "Latte", 3, 12m));
        var effects = Evaluate(State(stamps: 9), sale, Shipped);
        Assert.Equal(new StampChange("coffee", 3, 1, 2, 10), Assert.Single(effects.Stamps));
        var coupon = Assert.Single(effects.Coupons);
        Assert.Equal("Free coffee", coupon.Reward.Description);
        Assert.Equal("stamp-card:coffee", coupon.Source);
    }

    [Fact]
    public void Filled_card_coupon_says_what_it_consumes()
    {
        var effects = Evaluate(State(stamps: 9), Sale(Monday, 4m, Item(null, "Latte", 1, 4m)), Shipped);
        Assert.Equal(new StampConsumption("coffee", 10), Assert.Single(effects.Coupons).Consumes);
    }

    [Fact]
    public void Card_in_debt_fills_the_debt_first_and_issues_nothing()
    {
        var effects = Evaluate(State(stamps: -9), Sale(Monday, 12m, Item(null, "Latte", 3, 12m)), Shipped);
        Assert.Equal(new StampChange("coffee", 3, 0, -6, 10), Assert.Single(effects.Stamps));
        Assert.DoesNotContain(effects.Coupons, c => c.Source == "stamp-card:coffee");
    }

    [Fact]
    public void Card_one_stamp_short_issues_nothing()
    {
        var effects = Evaluate(State(stamps: 8), Sale(Monday, 4m, Item(null, "Latte", 1, 4m)), Shipped);
        Assert.Equal(9, Assert.Single(effects.Stamps).CountAfter);
        Assert.Empty(effects.Coupons);
    }

    [Fact]
    public void Points_convert_to_a_coupon_at_the_threshold()
    {
        var effects = Evaluate(State(balance: 490), Sale(Monday, 15m), Shipped);
        Assert.Contains(new PointsEntry(new Points(-500), LedgerReason.Conversion), effects.Entries);
        var coupon = Assert.Single(effects.Coupons);
        Assert.Equal(5.00m, coupon.Reward.Value);
        Assert.Equal("points", coupon.Source);
        Assert.Equal(new Points(5), new Points(490) + effects.NetChange);
        Assert.Equal(new Points(15), effects.PointsEarned);
    }

    [Fact]
    public void Points_below_the_threshold_stay_points()
    {
        var effects = Evaluate(State(balance: 480), Sale(Monday, 19.99m), Shipped);
        Assert.DoesNotContain(effects.Entries, e => e.Reason == LedgerReason.Conversion);
        Assert.Empty(effects.Coupons);
    }

    [Fact]
    public void Points_convert_twice_past_twice_the_threshold()
    {
        var effects = Evaluate(State(balance: 990), Sale(Monday, 20m), Shipped);
        Assert.Contains(new PointsEntry(new Points(-1000), LedgerReason.Conversion), effects.Entries);
        Assert.Equal(2, effects.Coupons.Count(c => c.Source == "points"));
        Assert.Equal(new Points(10), new Points(990) + effects.NetChange);
    }

    [Fact]
    public void Birthday_week_rewards_points_and_a_coupon()
    {
        var friday = new DateTimeOffset(2025, 6, 6, 10, 0, 0, Local);
        var effects = Evaluate(State(birthday: MonthDay.Create(6, 4)), Sale(friday, 5m), Shipped);
        Assert.True(effects.BirthdayRewarded);
        Assert.Contains(new PointsEntry(new Points(50), LedgerReason.Birthday), effects.Entries);
        Assert.Equal("Birthday cake on us", Assert.Single(effects.Coupons).Reward.Description);
    }

    [Fact]
    public void Birthday_is_rewarded_once_per_week()
    {
        var monday = new DateTimeOffset(2025, 6, 2, 9, 0, 0, Local);
        var friday = new DateTimeOffset(2025, 6, 6, 10, 0, 0, Local);
        var effects = Evaluate(State(birthday: MonthDay.Create(6, 4), lastBirthday: monday), Sale(friday, 5m), Shipped);
        Assert.False(effects.BirthdayRewarded);
        Assert.DoesNotContain(effects.Entries, e => e.Reason == LedgerReason.Birthday);
        Assert.Empty(effects.Coupons);
    }

    [Fact]
    public void Birthday_outside_its_week_is_not_rewarded()
    {
        var nextMonday = new DateTimeOffset(2025, 6, 9, 9, 0, 0, Local);
        Assert.False(Evaluate(State(birthday: MonthDay.Create(6, 4)), Sale(nextMonday, 5m), Shipped).BirthdayRewarded);
    }

    [Fact]
    public void New_years_eve_birthday_week_reaches_into_january()
    {
        // 31 Dec 2025 is a Wednesday: its week runs Monday 29 Dec to Sunday 4 Jan.
        var birthday = MonthDay.Create(12, 31);
        var january2 = new DateTimeOffset(2026, 1, 2, 12, 0, 0, Local);
        Assert.Equal(new DateOnly(2025, 12, 29), BirthdayWeek.StartContaining(birthday, new DateOnly(2026, 1, 2)));
        Assert.True(Evaluate(State(birthday: birthday), Sale(january2, 5m), Shipped).BirthdayRewarded);
        Assert.True(Evaluate(State(birthday: birthday, lastBirthday: new DateTimeOffset(2024, 12, 31, 12, 0, 0, Local)), Sale(january2, 5m), Shipped).BirthdayRewarded);
        Assert.False(Evaluate(State(birthday: birthday, lastBirthday: new DateTimeOffset(2025, 12, 29, 12, 0, 0, Local)), Sale(january2, 5m), Shipped).BirthdayRewarded);
        Assert.False(Evaluate(State(birthday: birthday), Sale(new DateTimeOffset(2026, 1, 5, 12, 0, 0, Local), 5m), Shipped).BirthdayRewarded);
    }

    [Fact]
    public void Leap_day_birthday_is_celebrated_in_the_week_of_28_february()
    {
        // 28 Feb 2025 is a Friday: the week runs Monday 24 Feb to Sunday 2 Mar.
        var leapDay = MonthDay.Create(2, 29);
        Assert.Equal(new DateOnly(2025, 2, 24), BirthdayWeek.StartContaining(leapDay, new DateOnly(2025, 3, 1)));
        Assert.Null(BirthdayWeek.StartContaining(leapDay, new DateOnly(2025, 3, 3)));
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(59, false)]
    public void Welcome_back_after_sixty_days_away(int daysAway, bool rewarded)
    {
        var effects = Evaluate(State(lastVisit: Monday.AddDays(-daysAway)), Sale(Monday, 5m), Shipped);
        Assert.Equal(rewarded, effects.Entries.Contains(new PointsEntry(new Points(100), LedgerReason.WelcomeBack)));
        Assert.DoesNotContain(effects.Entries, e => e.Reason == LedgerReason.RepeatVisit);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Repeat_visit_within_seven_days_earns_a_bonus(int daysSince, bool rewarded)
    {
        var effects = Evaluate(State(lastVisit: Monday.AddDays(-daysSince)), Sale(Monday, 5m), Shipped);
        Assert.Equal(rewarded, effects.Entries.Contains(new PointsEntry(new Points(5), LedgerReason.RepeatVisit)));
    }

    [Fact]
    public void Second_receipt_the_same_day_is_not_a_repeat_visit()
    {
        var effects = Evaluate(State(lastVisit: Monday.AddHours(-1)), Sale(Monday, 5m), Shipped);
        Assert.DoesNotContain(effects.Entries, e => e.Reason == LedgerReason.RepeatVisit);
        Assert.Equal(new Points(5), effects.PointsEarned);
    }

    [Fact]
    public void Referral_rewards_both_on_the_first_purchase()
    {
        var effects = Evaluate(State(visits: 0, referredBy: new CustomerId(7)), Sale(Monday, 5m), Shipped);
        Assert.Contains(new PointsEntry(new Points(100), LedgerReason.Referral), effects.Entries);
        Assert.Equal(new Points(100), effects.ReferrerBonus);
    }

    [Fact]
    public void Referral_is_not_rewarded_after_the_first_purchase()
    {
        var effects = Evaluate(State(visits: 1, referredBy: new CustomerId(7)), Sale(Monday, 5m), Shipped);
        Assert.DoesNotContain(effects.Entries, e => e.Reason == LedgerReason.Referral);
        Assert.Equal(Points.Zero, effects.ReferrerBonus);
    }

    [Fact]
    public void Points_expire_after_twelve_months_without_a_visit_as_a_ledger_entry()
    {
        var lastVisit = new DateTimeOffset(2024, 6, 2, 10, 0, 0, Local);
        var effects = Evaluate(State(balance: 300, lastVisit: lastVisit), Sale(Monday, 5m), Shipped);
        Assert.Equal(new PointsEntry(new Points(-300), LedgerReason.Expiry), effects.Entries[0]);
        Assert.Single(effects.Entries, e => e.Reason == LedgerReason.Expiry);

        // A year away is also a welcome back: 5 for the purchase, 100 bonus, none of the old 300.
        Assert.Equal(new Points(105), effects.PointsEarned);
        Assert.Equal(new Points(105), new Points(300) + effects.NetChange);
    }

    [Fact]
    public void Points_do_not_expire_a_day_before_twelve_months()
    {
        var lastVisit = new DateTimeOffset(2024, 6, 3, 10, 0, 0, Local);
        var effects = Evaluate(State(balance: 300, lastVisit: lastVisit), Sale(Monday, 5m), Shipped);
        Assert.DoesNotContain(effects.Entries, e => e.Reason == LedgerReason.Expiry);
    }

    [Fact]
    public void Expired_points_do_not_count_toward_a_conversion()
    {
        var lastVisit = new DateTimeOffset(2024, 1, 1, 10, 0, 0, Local);
        var effects = Evaluate(State(balance: 499, lastVisit: lastVisit), Sale(Monday, 5m), Shipped);
        Assert.DoesNotContain(effects.Entries, e => e.Reason == LedgerReason.Conversion);
        Assert.Empty(effects.Coupons);
    }

    [Fact]
    public void Zero_total_sale_earns_nothing()
    {
        var state = State(visits: 0, lastVisit: Monday.AddDays(-2), referredBy: new CustomerId(7), birthday: MonthDay.Create(6, 2), stamps: 9);
        var effects = Evaluate(state, Sale(Monday, 0m, Item(null, "Latte", 1, 0m)), Shipped);
        Assert.Empty(effects.Entries);
        Assert.Empty(effects.Stamps);
        Assert.Empty(effects.Coupons);
        Assert.Equal(Points.Zero, effects.PointsEarned);
        Assert.Equal(Points.Zero, effects.ReferrerBonus);
        Assert.False(effects.BirthdayRewarded);
    }

    private static SaleEffects Evaluate(CustomerState state, Sale sale, LoyaltyRules rules) => LoyaltyRulesEngine.Evaluate(state, sale, rules);

    private static Sale Sale(DateTimeOffset at, decimal total, params SaleItem[] items) =>
        Sales.Sale.Create("till-1", "R-" + at.ToUnixTimeSeconds(), new Money(total, Eur), at, items);

    private static SaleItem Item(string? sku, string description, decimal quantity, decimal amount) =>
        new(sku, description, quantity, new Money(amount, Eur));

    private static CustomerState State(
        long balance = 0,
        int visits = 1,
        DateTimeOffset? lastVisit = null,
        decimal spend = 0m,
        MonthDay? birthday = null,
        DateTimeOffset? lastBirthday = null,
        CustomerId? referredBy = null,
        int stamps = 2) =>
        new(
            new Customer
            {
                Id = new CustomerId(1),
                DisplayName = "Ada",
                Birthday = birthday,
                ReferredBy = referredBy,
                EnrolledAt = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero),
            },
            new Points(balance),
            new Dictionary<string, int>(StringComparer.Ordinal) { ["coffee"] = stamps },
            spend,
            visits,
            lastVisit,
            lastBirthday);
}
