namespace PosLoyalty.Service.Till;

/// <summary>A receipt that earns nothing: seen before (a replay), a copy or reprint, or a refund of a sale we never saw.</summary>
public sealed record ReceiptIgnored(DateTimeOffset At, string ReceiptNumber, ReceiptIgnoredReason Kind, string Reason) : TillEvent(At);
