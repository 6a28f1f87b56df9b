namespace PosLoyalty.Domain.Rules;

/// <summary>A one-off reward: bonus points, a coupon, or both.</summary>
public sealed record BonusRule
{
    public long BonusPoints { get; init; }

    public CouponReward? Coupon { get; init; }
}
