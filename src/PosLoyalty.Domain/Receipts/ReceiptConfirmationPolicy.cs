namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// When the till asks instead of guessing: a sale the reader is not sure of, or one above the amount a shop wants
/// a person to look at, is kept pending for the cashier rather than credited. Pure.
/// </summary>
/// <param name="ConfirmBelowConfidence">A sale read with less confidence than this (0–1) is held.</param>
/// <param name="ConfirmSalesAbove">A sale whose total (in the shop's currency) is above this is held; null: no limit.</param>
public sealed record ReceiptConfirmationPolicy(double ConfirmBelowConfidence, decimal? ConfirmSalesAbove)
{
    /// <summary>The default threshold, chosen from real receipts: every total read right scored at or above it, and every guess below.</summary>
    public const double DefaultConfirmBelowConfidence = 0.6;

    /// <summary>The shipped policy: hold what the reader is unsure of, no amount limit.</summary>
    public static ReceiptConfirmationPolicy Default { get; } = new(DefaultConfirmBelowConfidence, null);

    /// <summary>True when this sale should wait for the cashier; never true for a non-sale, which is never credited at all.</summary>
    public bool NeedsConfirmation(ReceiptSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (!sale.IsSale || sale.Copy)
        {
            return false;
        }

        return sale.Confidence < ConfirmBelowConfidence
            || (ConfirmSalesAbove is { } limit && Math.Abs(sale.Total!.Value) > limit);
    }
}
