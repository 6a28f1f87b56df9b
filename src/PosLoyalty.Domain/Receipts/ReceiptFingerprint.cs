using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// The key of a receipt that prints no usable number: a hash of what the sale is (date, time, items and total, all
/// from the masked text), so a reprint or a replayed stream of the same sale earns nothing twice, while a header
/// or footer the POS changes between prints (a reprint's time, "COPY") does not make it a new sale. Where the
/// receipt prints neither a date nor a time, the whole masked text joins the hash: two identical sales printed
/// without number, date or time cannot be told from a replay, and are counted once (see docs/adr/0009).
/// </summary>
public static class ReceiptFingerprint
{
    /// <summary>The prefix of every fingerprint key, so it is never mistaken for a printed number.</summary>
    public const string Prefix = "text:";

    /// <summary>The fingerprint key of a receipt, e.g. "text:3f9a0c…" (24 hex digits).</summary>
    public static string Of(ReceiptSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var key = new StringBuilder("v2");
        key.Append('|').Append(sale.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        key.Append('|').Append(sale.Time?.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        key.Append('|').Append(sale.Total?.ToString("0.00", CultureInfo.InvariantCulture));
        foreach (var item in sale.Items)
        {
            key.Append('|').Append(Collapse(item.Description))
                .Append('*').Append(item.Quantity.ToString("0.###", CultureInfo.InvariantCulture))
                .Append('=').Append(item.Amount?.ToString("0.00", CultureInfo.InvariantCulture));
        }

        if (sale.Date is null && sale.Time is null)
        {
            key.Append("|text|").Append(Collapse(sale.Text));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()));
        return Prefix + Convert.ToHexString(hash, 0, 12).ToLower(CultureInfo.InvariantCulture);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
