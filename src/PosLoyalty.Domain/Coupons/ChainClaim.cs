namespace PosLoyalty.Domain.Coupons;

/// <summary>The chain's answer for one coupon, and the till that holds its redemption when another one does.</summary>
public sealed record ChainClaim(ChainClaimResult Result, string? HolderTill = null)
{
    public static ChainClaim NoChain { get; } = new(ChainClaimResult.NoChain);

    public static ChainClaim Won { get; } = new(ChainClaimResult.Won);

    public static ChainClaim Unreachable { get; } = new(ChainClaimResult.Unreachable);

    public static ChainClaim Refused { get; } = new(ChainClaimResult.Refused);
}
