namespace PosLoyalty.Domain.Rules;

/// <summary>The tier from rolling 12-month spend, and how much more spend reaches the next.</summary>
public sealed record TierStatus(string? Name, decimal Multiplier, decimal Spend12Months, string? NextTier, decimal? SpendToNextTier)
{
    public static TierStatus For(IReadOnlyList<TierRule> tiers, decimal spend12Months)
    {
        TierRule? current = null;
        TierRule? next = null;
        foreach (var tier in tiers)
        {
            if (spend12Months >= tier.MinSpend12Months)
            {
                current = tier;
            }
            else
            {
                next = tier;
                break;
            }
        }

        return new TierStatus(current?.Name, current?.Multiplier ?? 1m, spend12Months, next?.Name, next is null ? null : next.MinSpend12Months - spend12Months);
    }
}
