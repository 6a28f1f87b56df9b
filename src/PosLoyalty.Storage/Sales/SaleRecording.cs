using PosLoyalty.Storage.Coupons;

namespace PosLoyalty.Storage.Sales;

/// <summary>
/// Where a sale came from and what the till needs kept with it.
/// </summary>
/// <param name="Source">'manual' (CLI, panel), 'receipt' (read by the tap) or 'pos-event' (the JSON-lines protocol).</param>
/// <param name="ReceiptCurrency">The currency the receipt printed when it disagreed with the shop's, for doctor; else null.</param>
/// <param name="PrintCoupons">True at a till with a printer: coupons are committed as pending and printed after the commit.</param>
public sealed record SaleRecording(string Source, string? ReceiptCurrency, bool PrintCoupons)
{
    /// <summary>
    /// The print queue that claims this sale's pending coupons for the caller before the transaction commits (the tap,
    /// which prints them at the receipt's cut); null: they wait in the queue for whoever drains it (docs/adr/0006).
    /// </summary>
    public CouponPrintQueue? PrintClaim { get; init; }

    public static SaleRecording Manual { get; } = new("manual", null, false);

    public static SaleRecording Receipt(string? receiptCurrency, bool printCoupons) => new("receipt", receiptCurrency, printCoupons);

    public static SaleRecording PosEvent(bool printCoupons) => new("pos-event", null, printCoupons);
}
