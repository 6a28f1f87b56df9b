namespace PosLoyalty.Storage.Coupons;

/// <summary>The coupon exists but cannot be used: already redeemed (and when), voided or expired.</summary>
public sealed class CouponNotRedeemableException : Exception
{
    public CouponNotRedeemableException()
    {
    }

    public CouponNotRedeemableException(string message)
        : base(message)
    {
    }

    public CouponNotRedeemableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
