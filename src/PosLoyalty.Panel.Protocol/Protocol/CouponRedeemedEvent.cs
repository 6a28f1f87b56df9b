namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// The answer to a redemption, scanned or typed. When <see cref="Redeemed"/> is false,
/// <see cref="Reason"/> says why ("already used on 12 March").
/// </summary>
public sealed record CouponRedeemedEvent(string Code, bool Redeemed, string? Reward = null, string? Reason = null) : PanelEvent;
