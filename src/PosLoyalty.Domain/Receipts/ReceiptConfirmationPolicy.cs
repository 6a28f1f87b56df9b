using System.Globalization;

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

    /// <summary>
    /// True when this sale should wait for the cashier. Never true for a non-sale, which is never credited at all, nor
    /// for a copy, which earns nothing; nor for a refund, which reverses exactly what its recorded sale earned whatever
    /// amount it prints (docs/adr/0010).
    /// </summary>
    public bool NeedsConfirmation(ReceiptSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (!sale.IsSale || sale.Copy || sale.Refund || sale.Kind != ReceiptKind.Sale)
        {
            return false;
        }

        return WhyConfirm(Math.Abs(sale.Total!.Value), sale.Confidence) is not null;
    }

    /// <summary>
    /// Why a sale of <paramref name="total"/>, read with <paramref name="confidence"/> (1 when the POS sent it), should
    /// wait for the cashier, in a few words with no receipt text ("confidence 0.42 below 0.6"); null when it need not.
    /// </summary>
    public string? WhyConfirm(decimal total, double confidence)
    {
        var reasons = new List<string>(2);
        if (confidence < ConfirmBelowConfidence)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"confidence {confidence:0.00} below {ConfirmBelowConfidence:0.00}"));
        }

        if (ConfirmSalesAbove is { } limit && Math.Abs(total) > limit)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"total {Math.Abs(total):0.00##} above {limit:0.00##}"));
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}
