namespace PosLoyalty.Storage.Outbox;

/// <summary>A coupon this till redeemed offline that PostgreSQL already held as redeemed at <paramref name="HolderTill"/>.</summary>
public sealed record ChainCouponConflict(string Code, string HolderTill);
