using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Service.Till;

/// <summary>
/// A receipt that earns nothing: seen before (a replay), a copy or reprint, a refund of a sale we never saw, or a
/// document that is not a sale at all (<paramref name="Document"/> says which: a report, a kitchen ticket …).
/// </summary>
/// <param name="ReceiptNumber">The receipt number; empty when a non-sale prints none.</param>
/// <param name="Document">For <see cref="ReceiptIgnoredReason.NotASale"/>: what the reader took the document for; else null.</param>
public sealed record ReceiptIgnored(DateTimeOffset At, string ReceiptNumber, ReceiptIgnoredReason Kind, string Reason, ReceiptKind? Document = null) : TillEvent(At);
