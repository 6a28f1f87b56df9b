namespace PosLoyalty.Panel.Protocol;

/// <summary>Redeem a coupon typed by hand; the code as typed, upper-cased and trimmed.</summary>
public sealed record RedeemCommand(string Code) : PanelCommand;
