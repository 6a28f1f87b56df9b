using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Coupons;

public sealed record CouponView(
    CouponCode Code,
    CustomerId? CustomerId,
    string Reward,
    decimal? Value,
    string? Currency,
    string Source,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RedeemedAt,
    DateTimeOffset? VoidedAt,
    CouponStatus Status);
