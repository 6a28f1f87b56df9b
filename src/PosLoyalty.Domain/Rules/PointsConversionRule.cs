namespace PosLoyalty.Domain.Rules;

/// <summary>At the threshold, points turn into a money-off coupon by themselves (500 → 5.00 off).</summary>
public sealed record PointsConversionRule
{
    public long Threshold { get; init; }

    public CouponReward Reward { get; init; } = new();
}
