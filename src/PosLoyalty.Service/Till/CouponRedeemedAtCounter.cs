using PosLoyalty.Storage.Coupons;

namespace PosLoyalty.Service.Till;

/// <summary>A coupon scanned at the counter was redeemed (once): the cashier applies the reward.</summary>
public sealed record CouponRedeemedAtCounter(DateTimeOffset At, CouponView Coupon) : TillEvent(At);
