using PosLoyalty.Domain.Coupons;

namespace PosLoyalty.Service.Till;

/// <summary>
/// The chain's side of a redemption (PosLoyalty.Chain implements it over PostgreSQL): one conditional statement there
/// that a second till loses, asked with a short bounded wait so that a till with the network down is told so at once.
/// </summary>
public interface IChainCoupons
{
    /// <summary>Chain:OfflineRedemption is IssuedHere (true) or Refuse (false).</summary>
    bool OfflineIssuedHereOnly { get; }

    /// <summary>Records this till's redemption of <paramref name="code"/> at PostgreSQL unless another till holds one; never throws for the network.</summary>
    ChainClaim Claim(CouponCode code, DateTimeOffset at);
}
