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

    /// <summary>The chain could not be asked in time (unreachable, too slow).</summary>
    Unreachable,

    /// <summary>
    /// PostgreSQL answered but refused this till: its login may not write as this till (no till_logins row, another
    /// till's, a wrong password). The offline rule decides, as when unreachable, and the cashier is told which it was.
    /// </summary>
    Refused,
}
