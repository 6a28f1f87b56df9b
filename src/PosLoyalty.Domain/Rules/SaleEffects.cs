using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Rules;

/// <summary>What a sale should do; storage makes all of it happen in one transaction.</summary>
public sealed record SaleEffects(
    IReadOnlyList<PointsEntry> Entries,
    IReadOnlyList<StampChange> Stamps,
    IReadOnlyList<CouponGrant> Coupons,
    Points ReferrerBonus,
    TierStatus TierAfter,
    bool BirthdayRewarded)
{
    /// <summary>Points the sale earned: purchase and bonuses, not conversions or expiry.</summary>
    public Points PointsEarned => new(Entries.Where(e => e.Reason is not (LedgerReason.Conversion or LedgerReason.Expiry)).Sum(e => e.Delta.Value));

    public Points NetChange => new(Entries.Sum(e => e.Delta.Value));
}
