using System.Text.RegularExpressions;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Rules;

/// <summary>
/// The rules as a pure function: (customer state, sale, rules) → effects. No clock, no storage:
/// the sale carries its time and the caller commits the effects in one transaction.
/// </summary>
public static class LoyaltyRulesEngine
{
    public static SaleEffects Evaluate(CustomerState state, Sale sale, LoyaltyRules rules)
    {
        var entries = new List<PointsEntry>();
        var coupons = new List<CouponGrant>();
        var balance = state.Balance;

        // Expiry is settled before anything is earned, so a returning customer sees why the balance changed.
        if (PointsExpiry.Evaluate(rules.Expiry, balance, state.LastVisitAt, sale.At) is { } expiry)
        {
            entries.Add(expiry);
            balance += expiry.Delta;
        }

        var tierBefore = TierStatus.For(rules.Tiers, state.Spend12Months);
        var birthdayRewarded = false;
        if (sale.HasPurchase)
        {
            var purchase = PurchasePoints(sale, rules, tierBefore.Multiplier);
            if (purchase.Value != 0)
            {
                entries.Add(new PointsEntry(purchase, LedgerReason.Purchase));
            }

            birthdayRewarded = AddBirthday(state, sale, rules, entries, coupons);
            AddVisitBonuses(state, sale, rules, entries, coupons);
        }

        var referrerBonus = Points.Zero;
        if (sale.HasPurchase && rules.Referral is { } referral && state.VisitCount == 0 && state.Customer.ReferredBy is not null)
        {
            AddBonus(referral.BonusPoints, referral.Coupon, LedgerReason.Referral, "referral", entries, coupons);
            referrerBonus = new Points(referral.BonusPoints);
        }

        var stamps = StampChanges(state, sale, rules, coupons);

        balance += new Points(entries.Where(e => e.Reason != LedgerReason.Expiry).Sum(e => e.Delta.Value));
        if (rules.PointsConversion is { } conversion && balance.Value >= conversion.Threshold)
        {
            var times = balance.Value / conversion.Threshold;
            entries.Add(new PointsEntry(new Points(-times * conversion.Threshold), LedgerReason.Conversion));
            for (var i = 0; i < times; i++)
            {
                coupons.Add(new CouponGrant(conversion.Reward, "points"));
            }
        }

        var tierAfter = TierStatus.For(rules.Tiers, state.Spend12Months + sale.Total.Amount);
        return new SaleEffects(entries, stamps, coupons, referrerBonus, tierAfter, birthdayRewarded);
    }

    /// <summary>Points for the purchase: rate × tier multiplier × the best campaign, rounded once.</summary>
    public static Points PurchasePoints(Sale sale, LoyaltyRules rules, decimal tierMultiplier)
    {
        var local = sale.At;
        var active = rules.Campaigns.Where(c => IsActive(c, local)).ToList();
        var saleMultiplier = active.Where(c => c.Skus.Count == 0).Select(c => c.Multiplier).DefaultIfEmpty(1m).Max();

        var raw = 0m;
        var itemTotal = 0m;
        foreach (var item in sale.Items)
        {
            var skuMultiplier = active
                .Where(c => c.Skus.Count > 0 && item.Sku is not null && c.Skus.Contains(item.Sku, StringComparer.OrdinalIgnoreCase))
                .Select(c => c.Multiplier)
                .DefaultIfEmpty(saleMultiplier)
                .Max();
            raw += item.Amount.Amount * Math.Max(skuMultiplier, saleMultiplier);
            itemTotal += item.Amount.Amount;
        }

        // Whatever the items do not account for (a sale without item detail, service charges) earns at the sale's rate.
        var unlisted = sale.Total.Amount - itemTotal;
        if (unlisted > 0m)
        {
            raw += unlisted * saleMultiplier;
        }
        else if (unlisted < 0m)
        {
            // Items add up to more than the total (a discount line): scale down so points follow what was paid.
            raw = itemTotal == 0m ? 0m : raw * (sale.Total.Amount / itemTotal);
        }

        raw *= rules.Points.PerCurrencyUnit * tierMultiplier;
        var whole = rules.Points.Rounding switch
        {
            PointsRounding.Nearest => decimal.Round(raw, MidpointRounding.AwayFromZero),
            PointsRounding.Ceiling => decimal.Ceiling(raw),
            _ => decimal.Floor(raw),
        };
        return new Points((long)whole);
    }

    public static bool IsActive(CampaignRule campaign, DateTimeOffset localTime)
    {
        var date = DateOnly.FromDateTime(localTime.DateTime);
        var time = TimeOnly.FromDateTime(localTime.DateTime);
        return (campaign.StartDate is null || date >= campaign.StartDate)
            && (campaign.EndDate is null || date <= campaign.EndDate)
            && (campaign.DaysOfWeek.Count == 0 || campaign.DaysOfWeek.Contains(localTime.DayOfWeek))
            && (campaign.From is null || campaign.To is null || (time >= campaign.From && time < campaign.To));
    }

    /// <summary>How many stamps a sale earns on one card.</summary>
    public static int StampsEarned(StampCardRule card, Sale sale)
    {
        if (!sale.HasPurchase)
        {
            return 0;
        }

        if (card.Earn == StampEarning.PerVisit || sale.Items.Count == 0)
        {
            return 1;
        }

        var pattern = card.QualifyingRegex;
        var stamps = 0;
        foreach (var item in sale.Items)
        {
            var qualifies = (item.Sku is not null && card.QualifyingSkus.Contains(item.Sku, StringComparer.OrdinalIgnoreCase))
                || (pattern is not null && Matches(pattern, item.Description));
            if (qualifies && item.Amount.Amount >= 0m)
            {
                stamps += Math.Max(1, (int)Math.Min(decimal.Floor(item.Quantity), 1000m));
            }
        }

        return stamps;
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static List<StampChange> StampChanges(CustomerState state, Sale sale, LoyaltyRules rules, List<CouponGrant> coupons)
    {
        var changes = new List<StampChange>();
        foreach (var card in rules.StampCards)
        {
            var added = StampsEarned(card, sale);
            if (added == 0)
            {
                continue;
            }

            var fill = StampLedger.Fill(state.StampCounts.GetValueOrDefault(card.Id), added, card.Boxes);
            for (var i = 0; i < fill.CardsFilled; i++)
            {
                coupons.Add(new CouponGrant(card.Reward, card.CouponSource) { Consumes = new StampConsumption(card.Id, card.Boxes) });
            }

            changes.Add(new StampChange(card.Id, added, fill.CardsFilled, fill.SumAfter, card.Boxes));
        }

        return changes;
    }

    private static bool AddBirthday(CustomerState state, Sale sale, LoyaltyRules rules, List<PointsEntry> entries, List<CouponGrant> coupons)
    {
        if (rules.Birthday is not { } birthday || state.Customer.Birthday is not { } day)
        {
            return false;
        }

        var date = DateOnly.FromDateTime(sale.At.DateTime);
        var weekStart = BirthdayWeek.StartContaining(day, date);
        if (weekStart is null)
        {
            return false;
        }

        if (state.LastBirthdayRewardAt is { } last && LocalDate(last, sale.At) >= weekStart.Value)
        {
            return false; // already rewarded this birthday week
        }

        AddBonus(birthday.BonusPoints, birthday.Coupon, LedgerReason.Birthday, "birthday", entries, coupons);
        return true;
    }

    private static void AddVisitBonuses(CustomerState state, Sale sale, LoyaltyRules rules, List<PointsEntry> entries, List<CouponGrant> coupons)
    {
        if (state.LastVisitAt is not { } last)
        {
            return;
        }

        var gap = sale.At - last;
        if (rules.WelcomeBack is { } wb && gap >= TimeSpan.FromDays(wb.AfterDays))
        {
            AddBonus(wb.BonusPoints, wb.Coupon, LedgerReason.WelcomeBack, "welcome-back", entries, coupons);
            return;
        }

        // Once a day at most: two receipts in one visit are not two visits.
        var lastDate = LocalDate(last, sale.At);
        var date = DateOnly.FromDateTime(sale.At.DateTime);
        if (rules.RepeatVisit is { } rv && rv.BonusPoints > 0 && date > lastDate && gap <= TimeSpan.FromDays(rv.WithinDays))
        {
            entries.Add(new PointsEntry(new Points(rv.BonusPoints), LedgerReason.RepeatVisit));
        }
    }

    /// <summary>
    /// The calendar day of <paramref name="moment"/> on the till's clock (the sale's offset):
    /// stored times are UTC, and a visit at 00:30 local must not count as yesterday.
    /// </summary>
    private static DateOnly LocalDate(DateTimeOffset moment, DateTimeOffset saleAt) =>
        DateOnly.FromDateTime(moment.ToOffset(saleAt.Offset).DateTime);

    private static void AddBonus(long points, CouponReward? coupon, LedgerReason reason, string source, List<PointsEntry> entries, List<CouponGrant> coupons)
    {
        if (points > 0)
        {
            entries.Add(new PointsEntry(new Points(points), reason));
        }

        if (coupon is not null)
        {
            coupons.Add(new CouponGrant(coupon, source));
        }
    }
}
