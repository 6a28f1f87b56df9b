using PosLoyalty.Domain.Coupons;

namespace PosLoyalty.Storage.Coupons;

/// <summary>
/// A code this till redeemed while the chain was away that PostgreSQL had already given to another till: both
/// redemptions happened, one reward too many. <see cref="RedeemedHereAt"/> is this till's redemption,
/// <see cref="FoundAt"/> the push that found it, <see cref="ResolvedAt"/> the owner's acknowledgement (null while it
/// still counts).
/// </summary>
public sealed record CouponConflict(
    CouponCode Code,
    string HolderTill,
    DateTimeOffset? RedeemedHereAt,
    DateTimeOffset FoundAt,
    DateTimeOffset? ResolvedAt);
