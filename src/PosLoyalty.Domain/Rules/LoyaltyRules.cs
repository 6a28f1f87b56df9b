using System.Globalization;
using System.Text.RegularExpressions;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Rules;

/// <summary>
/// The scheme a shop runs, as configured in kiosk-config/loyalty.json. Data only; the engine
/// evaluates it. <see cref="Validate"/> names every key that is wrong, its value and what is allowed.
/// </summary>
public sealed record LoyaltyRules
{
    public string Currency { get; init; } = "EUR";

    public PointsRule Points { get; init; } = new();

    public IReadOnlyList<TierRule> Tiers { get; init; } = [];

    public IReadOnlyList<CampaignRule> Campaigns { get; init; } = [];

    public IReadOnlyList<StampCardRule> StampCards { get; init; } = [];

    public PointsConversionRule? PointsConversion { get; init; }

    public BonusRule? Birthday { get; init; }

    public WelcomeBackRule? WelcomeBack { get; init; }

    public RepeatVisitRule? RepeatVisit { get; init; }

    /// <summary>Bonus to both the referrer and the referred customer after the latter's first purchase.</summary>
    public BonusRule? Referral { get; init; }

    public ExpiryRule? Expiry { get; init; }

    public CouponPolicy Coupons { get; init; } = new();

    public CurrencyCode ShopCurrency => CurrencyCode.Parse(Currency);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string key, object? value, string allowed)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"'{key}' = {Show(value)} is not allowed: {allowed}"));
            }
        }

        Check(CurrencyCode.TryParse(Currency, out _, out _), "Currency", Currency, "an ISO 4217 code such as EUR, USD, SEK");
        Check(Points is not null, "Points", null, "an object");
        if (Points is not null)
        {
            Check(Points.PerCurrencyUnit is >= 0m and <= 10_000m, "Points.PerCurrencyUnit", Points.PerCurrencyUnit, "a number from 0 to 10000");
            Check(Enum.IsDefined(Points.Rounding), "Points.Rounding", Points.Rounding, "Floor, Nearest or Ceiling");
        }

        var tierNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Tiers.Count; i++)
        {
            var t = Tiers[i];
            Check(!string.IsNullOrWhiteSpace(t.Name) && tierNames.Add(t.Name), $"Tiers[{i}].Name", t.Name, "a name, different from the other tiers");
            Check(t.MinSpend12Months >= 0m, $"Tiers[{i}].MinSpend12Months", t.MinSpend12Months, "a number ≥ 0");
            Check(t.Multiplier is > 0m and <= 100m, $"Tiers[{i}].Multiplier", t.Multiplier, "a number above 0 and at most 100");
            if (i > 0)
            {
                Check(t.MinSpend12Months > Tiers[i - 1].MinSpend12Months, $"Tiers[{i}].MinSpend12Months", t.MinSpend12Months, "tiers listed from lowest to highest spend, each above the one before");
            }
        }

        for (var i = 0; i < Campaigns.Count; i++)
        {
            var c = Campaigns[i];
            Check(!string.IsNullOrWhiteSpace(c.Name), $"Campaigns[{i}].Name", c.Name, "a name");
            Check(c.Multiplier is > 0m and <= 100m, $"Campaigns[{i}].Multiplier", c.Multiplier, "a number above 0 and at most 100");
            Check((c.From is null) == (c.To is null), $"Campaigns[{i}].From/To", $"{c.From}/{c.To}", "both From and To, or neither");
            Check(c.From is null || c.To is null || c.From < c.To, $"Campaigns[{i}].To", c.To, "a time after From");
            Check(c.StartDate is null || c.EndDate is null || c.StartDate <= c.EndDate, $"Campaigns[{i}].EndDate", c.EndDate, "a date on or after StartDate");
            Check(c.DaysOfWeek.All(Enum.IsDefined), $"Campaigns[{i}].DaysOfWeek", string.Join(",", c.DaysOfWeek), "Monday to Sunday");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < StampCards.Count; i++)
        {
            var s = StampCards[i];
            Check(!string.IsNullOrWhiteSpace(s.Id) && s.Id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-') && ids.Add(s.Id), $"StampCards[{i}].Id", s.Id, "letters, digits and dashes, different from the other cards");
            Check(!string.IsNullOrWhiteSpace(s.Name), $"StampCards[{i}].Name", s.Name, "a name");
            Check(s.Boxes is >= 1 and <= 100, $"StampCards[{i}].Boxes", s.Boxes, "1 to 100");
            Check(s.PreStamped >= 0 && s.PreStamped < s.Boxes, $"StampCards[{i}].PreStamped", s.PreStamped, "0 or more and fewer than Boxes");
            Check(Enum.IsDefined(s.Earn), $"StampCards[{i}].Earn", s.Earn, "PerVisit or PerQualifyingItem");
            Check(!string.IsNullOrWhiteSpace(s.Reward?.Description), $"StampCards[{i}].Reward.Description", s.Reward?.Description, "what the full card gives, e.g. \"Free coffee\"");
            Check(s.QualifyingDescriptionPattern is null || IsRegex(s.QualifyingDescriptionPattern), $"StampCards[{i}].QualifyingDescriptionPattern", s.QualifyingDescriptionPattern, "a valid .NET regular expression");
            Check(s.Earn != StampEarning.PerQualifyingItem || s.QualifyingSkus.Count > 0 || s.QualifyingDescriptionPattern is not null, $"StampCards[{i}].Earn", s.Earn, "PerQualifyingItem needs QualifyingSkus or QualifyingDescriptionPattern");
            CheckReward(s.Reward, $"StampCards[{i}].Reward", Check);
        }

        if (PointsConversion is { } pc)
        {
            Check(pc.Threshold is >= 1 and <= 10_000_000, "PointsConversion.Threshold", pc.Threshold, "1 to 10000000 points");
            Check(pc.Reward.Value is > 0m, "PointsConversion.Reward.Value", pc.Reward.Value, "the money-off value of the coupon, above 0");
            CheckReward(pc.Reward, "PointsConversion.Reward", Check);
        }

        CheckBonus(Birthday, "Birthday", Check);
        CheckBonus(Referral, "Referral", Check);
        if (WelcomeBack is { } wb)
        {
            Check(wb.AfterDays is >= 1 and <= 3650, "WelcomeBack.AfterDays", wb.AfterDays, "1 to 3650");
            Check(wb.BonusPoints is >= 0 and <= 1_000_000, "WelcomeBack.BonusPoints", wb.BonusPoints, "0 to 1000000");
            CheckReward(wb.Coupon, "WelcomeBack.Coupon", Check);
        }

        if (RepeatVisit is { } rv)
        {
            Check(rv.WithinDays is >= 1 and <= 365, "RepeatVisit.WithinDays", rv.WithinDays, "1 to 365");
            Check(rv.BonusPoints is >= 0 and <= 1_000_000, "RepeatVisit.BonusPoints", rv.BonusPoints, "0 to 1000000");
        }

        if (Expiry is { } e)
        {
            Check(e.MonthsWithoutVisit is >= 1 and <= 120, "Expiry.MonthsWithoutVisit", e.MonthsWithoutVisit, "1 to 120");
        }

        Check(Coupons is not null && Coupons.ValidDays is >= 1 and <= 3650, "Coupons.ValidDays", Coupons?.ValidDays, "1 to 3650");
        return errors;
    }

    private static void CheckBonus(BonusRule? rule, string key, Action<bool, string, object?, string> check)
    {
        if (rule is null)
        {
            return;
        }

        check(rule.BonusPoints is >= 0 and <= 1_000_000, key + ".BonusPoints", rule.BonusPoints, "0 to 1000000");
        check(rule.BonusPoints > 0 || rule.Coupon is not null, key, "{}", "BonusPoints above 0, a Coupon, or both");
        CheckReward(rule.Coupon, key + ".Coupon", check);
    }

    private static void CheckReward(CouponReward? reward, string key, Action<bool, string, object?, string> check)
    {
        if (reward is null)
        {
            return;
        }

        check(!string.IsNullOrWhiteSpace(reward.Description) && reward.Description.Length <= 60, key + ".Description", reward.Description, "1 to 60 characters");
        check(reward.Value is null or (> 0m and <= 100_000m), key + ".Value", reward.Value, "empty, or above 0 and at most 100000");
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "(missing)",
        string s => "\"" + s + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
