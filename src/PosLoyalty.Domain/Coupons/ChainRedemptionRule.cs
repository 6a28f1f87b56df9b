namespace PosLoyalty.Domain.Coupons;

/// <summary>
/// A coupon is redeemed once chain-wide (docs/chain.md, "Coupons"). With the chain's answer, PostgreSQL decides; without
/// it, the offline rule does: <paramref name="offlineIssuedHereOnly"/> (Chain:OfflineRedemption = IssuedHere) lets
/// through only a coupon this till issued that no pulled event shows redeemed or voided by another till; otherwise
/// (Refuse) nothing. Pure: the caller asked the chain and read the file.
/// </summary>
public static class ChainRedemptionRule
{
    public static RedemptionDecision Decide(CouponCode code, ChainClaim claim, bool issuedHere, bool offlineIssuedHereOnly)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.Result switch
        {
            ChainClaimResult.NoChain or ChainClaimResult.Won => RedemptionDecision.Allow,
            ChainClaimResult.TakenElsewhere => RedemptionDecision.Refuse(
                claim.HolderTill is { } till
                    ? $"coupon {code.ToDisplayString()} was already redeemed at till {till}"
                    : $"coupon {code.ToDisplayString()} was already redeemed at another till"),
            ChainClaimResult.Unreachable or ChainClaimResult.Refused when offlineIssuedHereOnly && issuedHere => RedemptionDecision.Allow,
            ChainClaimResult.Unreachable or ChainClaimResult.Refused when offlineIssuedHereOnly => RedemptionDecision.Refuse(
                $"{Why(claim.Result)}: coupon {code.ToDisplayString()} was not issued at this till, so it cannot be checked now; ask the customer to use it later or at the till that printed it"),
            ChainClaimResult.Unreachable or ChainClaimResult.Refused => RedemptionDecision.Refuse(
                $"{Why(claim.Result)}: coupon {code.ToDisplayString()} cannot be checked now (Chain:OfflineRedemption is Refuse); ask the customer to use it later"),
            _ => throw new ArgumentOutOfRangeException(nameof(claim), claim.Result, "unknown chain answer"),
        };
    }

    private static string Why(ChainClaimResult result) => result == ChainClaimResult.Refused
        ? "the chain refused this till's login (posloyalty doctor says why)"
        : "the chain is unreachable";
}
