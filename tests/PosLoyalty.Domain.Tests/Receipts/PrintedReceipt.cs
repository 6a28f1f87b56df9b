using System.Globalization;
using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>
/// Builds a receipt's printed lines from readable text, and says what the reader made of it. A line may start with
/// an emphasis tag: "[B]" bold, "[2]" double size, "[B2]" both, "[I]" inverse; the tag is not part of the text.
/// </summary>
internal static class PrintedReceipt
{
    private static readonly ReceiptSaleExtractor Extractor = new(BuiltInReceiptProfiles.Default);

    public static ReceiptLine[] Lines(string text)
    {
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(Line).ToArray();
    }

    public static ReceiptSale Read(string text, params string[] barcodes) => Extractor.Extract(Lines(text), barcodes);

    /// <summary>True when the till would credit this document without asking: a sale or refund, sure enough.</summary>
    public static bool Credited(ReceiptSale sale) => sale.IsSale && !ReceiptConfirmationPolicy.Default.NeedsConfirmation(sale);

    /// <summary>What the reader returned, for an assertion's message.</summary>
    public static string Describe(ReceiptSale sale) => string.Create(
        CultureInfo.InvariantCulture,
        $"Total={sale.Total?.ToString(CultureInfo.InvariantCulture) ?? "null"} Kind={sale.Kind} Number={sale.ReceiptNumber ?? "null"} Confidence={sale.Confidence:0.00} Items={sale.Items.Count} Currency={sale.Currency ?? "null"} Evidence=[{string.Join("; ", sale.Evidence)}]");

    /// <summary>Asserts that the document is never credited: not a sale, or held for the cashier.</summary>
    public static void NotCredited(ReceiptSale sale)
    {
        Assert.True(
            ReceiptConfirmationPolicy.Default.NeedsConfirmation(sale) || !sale.IsSale,
            "a non-sale was credited: " + Describe(sale));
    }

    /// <summary>Asserts a credited sale with this total and receipt number.</summary>
    public static void CreditedSale(ReceiptSale sale, decimal total, string? number, ReceiptKind kind = ReceiptKind.Sale)
    {
        var what = Describe(sale);
        Assert.True(sale.Total == total, $"total: expected {total.ToString(CultureInfo.InvariantCulture)}, read {what}");
        Assert.True(sale.Kind == kind, $"kind: expected {kind}, read {what}");
        Assert.True(sale.ReceiptNumber == number, $"number: expected {number ?? "null"}, read {what}");
        Assert.True(Credited(sale), "expected a credited sale (confidence >= 0.6), read " + what);
    }

    private static ReceiptLine Line(string raw)
    {
        foreach (var (tag, bold, size, inverse) in new[] { ("[B2]", true, 2, false), ("[B]", true, 1, false), ("[2]", false, 2, false), ("[I]", false, 1, true) })
        {
            if (raw.StartsWith(tag, StringComparison.Ordinal))
            {
                return new ReceiptLine(raw[tag.Length..], bold, size, inverse);
            }
        }

        return new ReceiptLine(raw);
    }
}
