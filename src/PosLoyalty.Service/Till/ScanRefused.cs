namespace PosLoyalty.Service.Till;

/// <summary>
/// A scan that is neither a card nor a redeemable coupon, or a card that was replaced, or a coupon that
/// cannot be used (already redeemed, voided, expired, mistyped): the reason says which, without the code.
/// </summary>
public sealed record ScanRefused(DateTimeOffset At, string Reason) : TillEvent(At);
