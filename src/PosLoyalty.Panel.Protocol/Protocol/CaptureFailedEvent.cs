namespace PosLoyalty.Panel.Protocol;

/// <summary>A capture was refused or had to stop; the receipts already sent stand.</summary>
/// <param name="Reason">Why, for store IT.</param>
/// <param name="NoReceiptTap">The service has no receipt tap (`ReceiptTap:Input` not set): a configuration matter.</param>
public sealed record CaptureFailedEvent(string Reason, bool NoReceiptTap = false) : PanelEvent;
