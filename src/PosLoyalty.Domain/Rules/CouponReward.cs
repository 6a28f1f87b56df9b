namespace PosLoyalty.Domain.Rules;

/// <summary>What a coupon gives: a description ("Free coffee") and, for money off, its value.</summary>
public sealed record CouponReward
{
    public string Description { get; init; } = string.Empty;

    /// <summary>Money off in the shop's currency; null for an item reward.</summary>
    public decimal? Value { get; init; }
}
