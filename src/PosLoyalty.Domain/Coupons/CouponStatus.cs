namespace PosLoyalty.Domain.Coupons;

public enum CouponStatus
{
    Active,
    Redeemed,
    Voided,
    Expired,
}
