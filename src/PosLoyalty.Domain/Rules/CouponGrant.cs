namespace PosLoyalty.Domain.Rules;

/// <summary>A coupon the rules award; storage gives it a code and commits it with the sale.</summary>
public sealed record CouponGrant(CouponReward Reward, string Source);
