using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Turns what a receipt says (<see cref="ReceiptSale"/>) into what the till records. Pure. A shop has one
/// currency: a receipt printed in another is still counted in the shop's (a wrong receipt profile must not
/// cost customers their visits), and the sign it printed is kept so doctor can show the mismatch.
/// </summary>
public static class ReceiptToTill
{
    /// <summary>Prefix of the key given to a receipt that prints no number (<see cref="ReceiptFingerprint"/>).</summary>
    public const string UnnumberedPrefix = ReceiptFingerprint.Prefix;

    private const int MaxItemDescriptionLength = 200;

    // Signs that name a currency unambiguously enough to call a mismatch; "$" and "kr" name several.
    private static readonly Dictionary<string, string[]> CurrenciesBySign = new(StringComparer.OrdinalIgnoreCase)
    {
        ["€"] = ["EUR"],
        ["£"] = ["GBP", "GIP", "FKP", "SHP"],
        ["$"] = ["USD", "CAD", "AUD", "NZD", "MXN", "SGD", "HKD", "ARS", "CLP", "COP"],
        ["kr"] = ["SEK", "NOK", "DKK", "ISK"],
        ["kr."] = ["DKK", "ISK"],
        ["Kč"] = ["CZK"],
        ["zł"] = ["PLN"],
        ["Ft"] = ["HUF"],
        ["Fr."] = ["CHF"],
        ["CHF"] = ["CHF"],
        ["¥"] = ["JPY", "CNY"],
        ["₹"] = ["INR"],
        ["lei"] = ["RON"],
    };

    /// <summary>
    /// The till receipt for a decoded receipt, or null when it is not a sale or refund (a kitchen ticket, a
    /// report, an order slip, a test page, a tip slip, a voucher: <see cref="ReceiptSale.IsSale"/>). Items the receipt printed without a price are kept with amount 0; items the
    /// domain refuses (a zero quantity, an overlong text) are left out rather than losing the sale.
    /// </summary>
    public static TillReceipt? Convert(ReceiptSale receipt, string tillId, CurrencyCode shopCurrency, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (!receipt.IsSale || receipt.Total is not { } total)
        {
            return null;
        }

        var number = string.IsNullOrWhiteSpace(receipt.ReceiptNumber) ? ReceiptFingerprint.Of(receipt) : new string(receipt.ReceiptNumber.Trim().Where(c => !char.IsControl(c)).ToArray());
        if (number.Length > Sale.MaxReceiptNumberLength)
        {
            number = number[..Sale.MaxReceiptNumberLength];
        }

        var items = new List<SaleItem>();
        foreach (var item in receipt.Items)
        {
            if (item.Quantity <= 0m || string.IsNullOrWhiteSpace(item.Description))
            {
                continue;
            }

            var amount = Math.Abs(item.Amount ?? 0m);
            var description = item.Description.Trim();
            items.Add(new SaleItem(null, description.Length > MaxItemDescriptionLength ? description[..MaxItemDescriptionLength] : description, item.Quantity, new Money(amount, shopCurrency)));
        }

        var kind = receipt.Refund || total < 0m ? TillReceiptKind.Refund : TillReceiptKind.Sale;
        var sale = Sale.Create(tillId, number, new Money(Math.Min(Math.Abs(total), 1_000_000m), shopCurrency), now, items);
        return new TillReceipt(kind, sale, receipt.Copy, Mismatch(receipt.Currency, shopCurrency));
    }

    /// <summary>The printed currency when it cannot be the shop's; null when it agrees or none was printed.</summary>
    public static string? Mismatch(string? printed, CurrencyCode shopCurrency)
    {
        if (string.IsNullOrWhiteSpace(printed))
        {
            return null;
        }

        var sign = printed.Trim();
        if (CurrencyCode.TryParse(sign.ToUpperInvariant(), out var code, out _))
        {
            return code == shopCurrency ? null : code.Value;
        }

        return CurrenciesBySign.TryGetValue(sign, out var candidates) && !candidates.Contains(shopCurrency.Value, StringComparer.Ordinal) ? sign : null;
    }
}
