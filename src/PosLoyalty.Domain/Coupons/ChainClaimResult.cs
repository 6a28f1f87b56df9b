namespace PosLoyalty.Domain.Coupons;

/// <summary>What the chain's PostgreSQL said when a till asked to redeem a coupon there.</summary>
public enum ChainClaimResult
{
    /// <summary>No chain is configured: the till's own file decides, as it always did.</summary>
    NoChain,

    /// <summary>PostgreSQL recorded this till's redemption: no other till can redeem it now.</summary>
    Won,

    /// <summary>PostgreSQL already held a redemption of the code by another till.</summary>
    TakenElsewhere,

    /// <summary>The chain could not be asked in time (unreachable, refused, too slow).</summary>
    Unreachable,
}
