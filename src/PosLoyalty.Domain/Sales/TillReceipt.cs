namespace PosLoyalty.Domain.Sales;

/// <summary>
/// A completed receipt as the till session handles it, whether read from the printer's bytes or sent by
/// the POS as an event.
/// </summary>
/// <param name="Kind">Sale, refund or void.</param>
/// <param name="Sale">Till, receipt number, total (positive; a refund's amount), time and items.</param>
/// <param name="Copy">A copy or reprint: it earns nothing, whether or not the original was seen.</param>
/// <param name="ReceiptCurrency">The currency the receipt printed when it disagrees with the shop's (kept for
/// doctor; the sale still counts in the shop's currency), else null.</param>
public sealed record TillReceipt(TillReceiptKind Kind, Sale Sale, bool Copy, string? ReceiptCurrency);
