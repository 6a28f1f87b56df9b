namespace PosLoyalty.Panel.Model;

/// <summary>What the sale just completed earned; <see cref="CouponPrinted"/> names the reward printed, if any.</summary>
public sealed record SaleOutcome(long PointsEarned, string? CouponPrinted = null);
