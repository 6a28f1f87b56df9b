namespace PosLoyalty.Service.Configuration;

/// <summary>`Chain:OfflineRedemption`: what a till does with a coupon while PostgreSQL cannot be reached.</summary>
public enum ChainOfflineRedemption
{
    /// <summary>Redeem only coupons this till issued and no other till has seen.</summary>
    IssuedHere,

    /// <summary>Redeem nothing until the chain is back.</summary>
    Refuse,
}
