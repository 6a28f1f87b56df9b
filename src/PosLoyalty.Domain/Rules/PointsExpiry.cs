using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Rules;

/// <summary>Points lapse after N months without a visit; the lapse is a ledger row, never silent.</summary>
public static class PointsExpiry
{
    public static PointsEntry? Evaluate(ExpiryRule? rule, Points balance, DateTimeOffset? lastVisitAt, DateTimeOffset now)
    {
        if (rule is null || lastVisitAt is null || balance.Value <= 0)
        {
            return null;
        }

        return now >= lastVisitAt.Value.AddMonths(rule.MonthsWithoutVisit)
            ? new PointsEntry(-balance, LedgerReason.Expiry)
            : null;
    }
}
