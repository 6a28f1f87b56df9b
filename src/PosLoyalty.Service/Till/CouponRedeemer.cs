using PosLoyalty.Domain.Coupons;
using PosLoyalty.Storage.Coupons;

namespace PosLoyalty.Service.Till;

/// <summary>
/// The one redeem path (a scan, the panel's keyed code, `coupons redeem`): a coupon the file can still redeem is asked
/// of the chain when one is configured, <see cref="ChainRedemptionRule"/> decides with the answer, and the file then
/// records the redemption with its outbox event in one transaction, as without a chain.
/// </summary>
public sealed class CouponRedeemer(CouponRepository coupons, string tillId, IChainCoupons? chain, TimeProvider time)
{
    /// <summary>Redeems, or throws <see cref="CouponNotRedeemableException"/> with the cashier's reason (NotFoundException for an unknown code).</summary>
    public CouponView Redeem(CouponCode code)
    {
        var coupon = coupons.Get(code);
        if (chain is null || coupon.Status != CouponStatus.Active)
        {
            // No chain, or the file already refuses it (redeemed, voided, expired): its own reason, nothing asked.
            return coupons.Redeem(code);
        }

        var claim = chain.Claim(code, time.GetUtcNow());
        var decision = ChainRedemptionRule.Decide(code, claim, coupons.IssuedAt(code, tillId), chain.OfflineIssuedHereOnly);
        return decision.Redeem ? coupons.Redeem(code) : throw new CouponNotRedeemableException(decision.Refusal!);
    }
}
