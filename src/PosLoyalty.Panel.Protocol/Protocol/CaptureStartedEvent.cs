namespace PosLoyalty.Panel.Protocol;

/// <summary>A capture is on: receipts follow as the tap reads them.</summary>
/// <param name="Count">How many receipts will be sent.</param>
/// <param name="SkipsReceiptInProgress">A receipt was being printed when the capture began: it is not captured, the next one is the first.</param>
public sealed record CaptureStartedEvent(int Count, bool SkipsReceiptInProgress) : PanelEvent;
