namespace PosLoyalty.Panel.Protocol;

/// <summary>The active customer ended: cleared by the cashier, timed out, or the sale completed.</summary>
public sealed record ClearedEvent : PanelEvent;
