using System.Globalization;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>
/// Where the segment lines are drawn. The defaults are the usual retail ones: a regular comes at
/// least once a month on average over the last year; a heavy customer's average basket is at least
/// the shop's median basket; nobody seen for six months is a former customer, whatever they did before.
/// </summary>
public sealed record SegmentThresholds
{
    public static SegmentThresholds Default { get; } = new();

    /// <summary>The look-back window for visits, spend and the shop's median basket.</summary>
    public int WindowMonths { get; init; } = 12;

    /// <summary>No visit for this many months (counted from enrolment for someone who never came) makes a customer former.</summary>
    public int FormerAfterMonths { get; init; } = 6;

    /// <summary>Average visits per month over the window at or above which a customer is regular.</summary>
    public decimal RegularVisitsPerMonth { get; init; } = 1m;

    /// <summary>Average basket at or above this multiple of the shop's median basket is heavy.</summary>
    public decimal HeavyBasketToMedianRatio { get; init; } = 1m;

    /// <summary>Visits in the window that make a regular: the per-month rate times the window.</summary>
    public decimal RegularVisitsInWindow => RegularVisitsPerMonth * WindowMonths;

    public void Validate()
    {
        Check(WindowMonths is >= 1 and <= 120, "--window-months", WindowMonths.ToString(CultureInfo.InvariantCulture), "1 to 120");
        Check(FormerAfterMonths is >= 1 and <= 120, "--former-months", FormerAfterMonths.ToString(CultureInfo.InvariantCulture), "1 to 120");
        Check(RegularVisitsPerMonth is > 0m and <= 100m, "--regular-visits-per-month", RegularVisitsPerMonth.ToString(CultureInfo.InvariantCulture), "above 0 and at most 100");
        Check(HeavyBasketToMedianRatio is > 0m and <= 100m, "--heavy-basket-ratio", HeavyBasketToMedianRatio.ToString(CultureInfo.InvariantCulture), "above 0 and at most 100");
    }

    /// <summary>The groups, pure: what the report and `customers show` both use.</summary>
    public CustomerSegment Classify(bool seenWithinFormerLimit, long visitsInWindow, long spendInWindowE4, long medianBasketE4)
    {
        if (!seenWithinFormerLimit)
        {
            return CustomerSegment.Former;
        }

        var regular = visitsInWindow >= RegularVisitsInWindow;

        // The average basket against the median, in whole e4 units without division: spend >= visits × median × ratio.
        var heavy = visitsInWindow > 0 && spendInWindowE4 >= visitsInWindow * medianBasketE4 * HeavyBasketToMedianRatio;
        return (regular, heavy) switch
        {
            (true, true) => CustomerSegment.RegularHeavy,
            (true, false) => CustomerSegment.RegularLight,
            (false, true) => CustomerSegment.InfrequentHeavy,
            _ => CustomerSegment.InfrequentLight,
        };
    }

    private static void Check(bool ok, string option, string value, string allowed)
    {
        if (!ok)
        {
            throw new DomainValidationException($"{option} {value} is not allowed: {allowed}");
        }
    }
}
