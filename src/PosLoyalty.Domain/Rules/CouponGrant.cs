namespace PosLoyalty.Domain.Rules;

/// <summary>A coupon the rules award; storage gives it a code and commits it with the sale.</summary>
public sealed record CouponGrant(CouponReward Reward, string Source)
{
    /// <summary>A filled stamp card's coupon: the stamps it takes off the card, written to the ledger with its code.</summary>
    public StampConsumption? Consumes { get; init; }
}
