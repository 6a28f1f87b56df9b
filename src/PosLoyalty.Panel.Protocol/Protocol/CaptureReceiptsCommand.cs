namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// `posloyalty receipts capture`: send this connection the next <paramref name="Count"/> receipts the tap reads, as
/// the POS sent them with card numbers masked (docs/adr/0012-receipt-capture-over-the-panel-socket.md). The answer is
/// <see cref="CaptureStartedEvent"/>, then one <see cref="CapturedReceiptEvent"/> per receipt, or
/// <see cref="CaptureFailedEvent"/>. Closing the connection ends the capture.
/// </summary>
public sealed record CaptureReceiptsCommand(int Count) : PanelCommand;
