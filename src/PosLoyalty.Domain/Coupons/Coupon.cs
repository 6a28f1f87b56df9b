using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Coupons;

/// <summary>A reward the customer holds on paper until it is scanned, once.</summary>
public sealed record Coupon(
    CouponCode Code,
    CustomerId? CustomerId,
    string Reward,
    Money? Value,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RedeemedAt,
    DateTimeOffset? VoidedAt)
{
    public CouponStatus StatusAt(DateTimeOffset now) =>
        RedeemedAt is not null ? CouponStatus.Redeemed
        : VoidedAt is not null ? CouponStatus.Voided
        : now >= ExpiresAt ? CouponStatus.Expired
        : CouponStatus.Active;
}
